// The German and Japanese translations are complete: lupdate run over today's sources into a copy
// of each .ts file leaves no unfinished, empty or vanished entry, every translation keeps its
// source's %-placeholders and HTML tags, and the compiled .qm files load and translate.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest/QtTest>

namespace {
struct Entry {
    QString context, source, translation, type;
};

QList<Entry> readTs(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Entry> entries;
    QXmlStreamReader xml(&file);
    QString context;
    Entry entry;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name")
            context = xml.readElementText();
        else if (xml.name() == u"message")
            entry = {context, {}, {}, {}};
        else if (xml.name() == u"source")
            entry.source = xml.readElementText();
        else if (xml.name() == u"translation") {
            entry.type = xml.attributes().value("type").toString();
            entry.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            entries.push_back(entry);
        }
    }
    return xml.hasError() ? QList<Entry>{} : entries;
}

// %1, %L2, %n … and HTML tags, sorted: what a translation must carry over unchanged.
QStringList markers(const QString& text)
{
    QStringList out;
    static const QRegularExpression re(R"(%L?\d|%n|</?[a-zA-Z][^>]*>)");
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << it.next().captured();
    out.sort();
    return out;
}
} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void complete_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << "de";
        QTest::newRow("ja") << "ja";
    }

    void complete()
    {
        QFETCH(QString, language);
        QTemporaryDir dir;
        const QString ts = dir.filePath("scorescope_" + language + ".ts");
        QVERIFY(QFile::copy(SCORESCOPE_SOURCE_DIR "/translations/scorescope_" + language + ".ts", ts));
        QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.setWorkingDirectory(SCORESCOPE_SOURCE_DIR);
        lupdate.start(SCORESCOPE_LUPDATE, {"widgets", "app/gui/main.cpp", "-source-language", "en", "-locations",
                                           "relative", "-ts", ts});
        QVERIFY(lupdate.waitForFinished(60000));
        QCOMPARE(lupdate.exitCode(), 0);

        const auto entries = readTs(ts);
        QVERIFY2(entries.size() > 300, "the .ts file did not parse, or lost its messages");
        QStringList problems;
        for (const auto& e : entries) {
            if (e.type == "unfinished" || e.translation.trimmed().isEmpty())
                problems << "unfinished: " + e.context + ": " + e.source.left(60);
            else if (e.type == "vanished" || e.type == "obsolete")
                problems << "vanished (run the update_translations target): " + e.context + ": " + e.source.left(60);
            else if (markers(e.source) != markers(e.translation))
                problems << "placeholders or tags differ: " + e.context + ": " + e.source.left(60);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(QString::number(problems.size()) + " entries:\n" +
                                                problems.mid(0, 10).join('\n')));
    }

    void compiledFilesTranslate_data() { complete_data(); }

    void compiledFilesTranslate()
    {
        QFETCH(QString, language);
        QTranslator translator;
        QVERIFY(translator.load(SCORESCOPE_QM_DIR "/scorescope_" + language + ".qm"));
        const QString text = translator.translate("MainWindow", "&File");
        QVERIFY(!text.isEmpty());
        QVERIFY(text != "&File");
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
