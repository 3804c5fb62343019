#pragma once
#include <QString>
#include <QVector>

class QTranslator;

// The interface languages: English (the source strings), German and Japanese — or "system", the
// system locale's. The choice lives in the settings and takes effect when the program starts.
struct InterfaceLanguage {
    QString code;  // en, de, ja
    QString name;  // in its own language
};
const QVector<InterfaceLanguage>& interfaceLanguages();
bool isInterfaceLanguage(const QString& code);  // "system" or one of interfaceLanguages()

// The language in the settings; "system" when none, or one this version does not know, is set.
QString chosenLanguage();
void chooseLanguage(const QString& code);

// Loads the compiled translation (:/i18n) for `code` into `translator` and installs it, and Qt's
// own (standard buttons, file dialogs: qtbase_<code> from Qt's translations, Debian's
// qt6-translations-l10n) into `qtTranslator` where present; false when ours does not apply
// (English, or a system locale without a translation).
bool installLanguage(const QString& code, QTranslator& translator, QTranslator& qtTranslator);
