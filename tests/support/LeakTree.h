#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

// A generated working tree for the leak scan (tst_leakscanner and bench_leakscan): `files` text files in
// folders of 100 (.env files, shell histories, configs, source), with `planted` token values that the caller
// fingerprints as TokenDesk's, `lookAlikes` strings of the same shapes that are nobody's (random JWTs, Svix
// and NetSapiens prefixes, a planted value with one character changed, one cut short), a few foreign
// credentials, one binary file and one oversized file that each hold a planted value (both must be skipped).
// Deterministic for a seed.
struct LeakTree
{
    QStringList planted; // the token values, in plant order
    QStringList plantedAt; // "relative/path:line" of each, same order
    int lookAlikes = 0;
    int foreign = 0;
    qint64 textBytes = 0;
    int textFiles = 0;

    static QByteArray randomText(QRandomGenerator &random, int length, const char *alphabet)
    {
        const int size = int(qstrlen(alphabet));
        QByteArray out(length, Qt::Uninitialized);
        for (int i = 0; i < length; ++i)
            out[i] = alphabet[random.bounded(size)];
        return out;
    }
    static QByteArray base64Url(QRandomGenerator &random, int length)
    {
        return randomText(random, length, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
    }
    static QByteArray fakeJwt(QRandomGenerator &random)
    {
        const QByteArray header = QByteArray(R"({"alg":"HS256","typ":"JWT"})")
                                      .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QByteArray claims = QByteArray(R"({"jti":")" + base64Url(random, 22) + R"(","exp":1900000000})")
                                      .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        return header + '.' + claims + '.' + base64Url(random, 43);
    }

    // Writes the tree under `root`. `values` are the token values to plant (at least 3: a JWT, an "appsk_" one,
    // any); they are placed in three different files.
    bool generate(
        const QString &root, const QStringList &values, int files = 10000, int lookAlikeCount = 50, quint32 seed = 18)
    {
        QRandomGenerator random(seed);
        planted = values;
        plantedAt.clear();
        lookAlikes = 0;
        foreign = 0;
        textBytes = 0;
        textFiles = 0;
        const QDir dir(root);
        const char *names[] = {".env", "history.txt", "config.yaml", "main.cpp", "notes.md", "deploy.sh"};
        // Which files get what: planted values, look-alikes and foreign credentials go to distinct files.
        QList<int> plantFiles;
        for (int i = 0; i < values.size(); ++i)
            plantFiles.append(1000 + i * 3217 % (files - 2000));
        const QByteArray foreignValues[] = {"ghp_" + base64Url(random, 36), "github_pat_" + base64Url(random, 60),
            "glpat-" + base64Url(random, 20), "hvs." + base64Url(random, 90)};
        for (int i = 0; i < files; ++i) {
            const QString folder = QStringLiteral("d%1").arg(i / 100, 3, 10, QLatin1Char('0'));
            if (!dir.mkpath(folder))
                return false;
            const QString relative =
                folder + QLatin1Char('/') + QString::number(i) + QLatin1Char('-') + QString::fromLatin1(names[i % 6]);
            QByteArray content;
            const int lines = 20 + random.bounded(60);
            int special = -1;
            for (int l = 0; l < lines; ++l) {
                content += "KEY_" + QByteArray::number(l) + "="
                    + randomText(random, 8 + random.bounded(40), "abcdefghijklmnopqrstuvwxyz 0123456789") + '\n';
                if (l == lines / 2)
                    special = l + 2; // the 1-based number of the line appended next
                if (l != lines / 2)
                    continue;
                if (const qsizetype p = plantFiles.indexOf(i); p >= 0) {
                    content += "TOKEN=" + values.at(p).toUtf8() + '\n';
                    plantedAt.append(relative + QLatin1Char(':') + QString::number(special));
                } else if (i % 200 == 7 && lookAlikes < lookAlikeCount) {
                    content += "export TOKEN=\"" + lookAlike(random, values, lookAlikes) + "\"\n";
                    ++lookAlikes;
                } else if (i % 2000 == 11 && foreign < 4) {
                    content += "GITTOKEN=" + foreignValues[foreign] + '\n';
                    ++foreign;
                } else {
                    content += '\n';
                }
            }
            if (!write(dir.filePath(relative), content))
                return false;
            textBytes += content.size();
            ++textFiles;
        }
        // Look-alikes left over (few files matched i % 200 == 7) go in files of their own.
        int extra = 0;
        while (lookAlikes < lookAlikeCount) {
            const QByteArray content = "x = '" + lookAlike(random, values, lookAlikes) + "'\n";
            if (!write(dir.filePath(QStringLiteral("lookalike-%1.txt").arg(extra++)), content))
                return false;
            textBytes += content.size();
            ++textFiles;
            ++lookAlikes;
        }
        // A planted value inside a binary file and inside a file over the scanner's size limit: both skipped.
        QByteArray binary("\x7f"
                          "ELF\0\0\0",
            7);
        binary += "TOKEN=" + values.first().toUtf8() + '\n';
        if (!write(dir.filePath(QStringLiteral("tool.bin")), binary))
            return false;
        return true;
    }

    // A file of `bytes` text bytes holding a planted value, for the size limit.
    static bool writeLarge(const QString &path, const QString &value, qint64 bytes)
    {
        QByteArray content(bytes, 'a');
        for (qint64 i = 80; i < bytes; i += 81)
            content[i] = '\n';
        content += "\nTOKEN=" + value.toUtf8() + '\n';
        return write(path, content);
    }

    static bool write(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
    }

private:
    static QByteArray lookAlike(QRandomGenerator &random, const QStringList &values, int n)
    {
        switch (n % 7) {
        case 0:
            return fakeJwt(random);
        case 1:
            return "appsk_" + base64Url(random, 32);
        case 2:
            return "sk_" + base64Url(random, 32) + ".eu";
        case 3:
            return "nsd_" + base64Url(random, 56);
        case 4: { // a planted value with one character changed
            QByteArray value = values.at(n % values.size()).toUtf8();
            const qsizetype at = value.size() - 5;
            value[at] = value.at(at) == 'A' ? 'B' : 'A';
            return value;
        }
        case 5: // a planted value cut short
            return values.at(n % values.size()).toUtf8().chopped(3);
        default:
            return "testsk_" + base64Url(random, 30);
        }
    }
};
