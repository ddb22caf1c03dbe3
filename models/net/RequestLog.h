#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QString>

#include <memory>

class QFile;

// Records every request ApiClient makes, with secrets redacted: Authorization and cookie headers, and the
// values of secret-looking JSON fields and query parameters (password, token, secret, key, passcode, ...).
// Keeps the last entries in memory and, when a file is set, appends JSON lines to it.
class RequestLog
{
public:
    struct Entry
    {
        QDateTime time;
        QString operation;
        QByteArray method;
        QString url; // redacted
        int status = 0;
        QString error; // ApiError kind name, empty on success
        qint64 durationMs = 0;
        QList<QPair<QByteArray, QByteArray>> requestHeaders; // redacted
        QByteArray requestBody; // redacted
        int attempt = 1;
    };

    RequestLog();
    ~RequestLog();

    bool setFile(const QString &path); // false if it cannot be opened
    void append(Entry entry);
    QList<Entry> entries() const;
    void clear();

    static QByteArray redactHeader(const QByteArray &name, const QByteArray &value);
    static QByteArray redactJson(const QByteArray &body);
    static QString redactUrl(const QString &url);
    static bool isSecretName(const QString &name);

private:
    mutable QMutex m_mutex;
    QList<Entry> m_entries;
    std::unique_ptr<QFile> m_file;
    static constexpr int MaxEntries = 1000;
};
