#include "widgets/InterfaceLanguage.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

const QVector<InterfaceLanguage>& interfaceLanguages()
{
    static const QVector<InterfaceLanguage> list{{"en", "English"}, {"de", "Deutsch"}, {"ja", "日本語"}};
    return list;
}

bool isInterfaceLanguage(const QString& code)
{
    if (code == "system")
        return true;
    for (const auto& language : interfaceLanguages())
        if (language.code == code)
            return true;
    return false;
}

QString chosenLanguage()
{
    const QString code = QSettings().value("language", "system").toString();
    return isInterfaceLanguage(code) ? code : QStringLiteral("system");
}

void chooseLanguage(const QString& code) { QSettings().setValue("language", code); }

bool installLanguage(const QString& code, QTranslator& translator, QTranslator& qtTranslator)
{
    const bool loaded = code == "system" ? translator.load(QLocale(), "scorescope", "_", ":/i18n")
                                         : code != "en" && translator.load(":/i18n/scorescope_" + code);
    if (!loaded || !QCoreApplication::installTranslator(&translator))
        return false;
    // Qt's strings in the language ours were loaded for (the system's: the file's own suffix).
    const QString language = code == "system" ? QFileInfo(translator.filePath()).baseName().section('_', 1) : code;
    if (qtTranslator.load("qtbase_" + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    return true;
}
