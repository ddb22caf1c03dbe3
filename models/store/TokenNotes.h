#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

class Database;

// What an administrator wrote down about one token: who owns it and where it is used. Local only (the
// token_notes table of tokendesk.sqlite), keyed by account id + token id. Never holds a secret.
struct TokenNote
{
    QString owner;
    QString usedIn;
    QDateTime updated; // UTC, set by TokenNotes::setNote

    bool isEmpty() const { return owner.trimmed().isEmpty() && usedIn.trimmed().isEmpty(); }
    // One line for the Notes column and the filter: "Owner: alice; used in: CI deploy".
    QString displayText() const;
};

struct TokenNoteEntry
{
    QUuid accountId;
    QString tokenId;
    TokenNote note;
};

class TokenNotes
{
public:
    explicit TokenNotes(Database *database);

    // The note of a token; nullopt when there is none (or on a database error, with lastError() set).
    std::optional<TokenNote> note(const QUuid &accountId, const QString &tokenId) const;
    // Saves the note (trimmed); an empty note removes it. Sets note.updated to now.
    bool setNote(const QUuid &accountId, const QString &tokenId, const TokenNote &note);
    bool remove(const QUuid &accountId, const QString &tokenId);
    bool removeAccount(const QUuid &accountId);
    // Every note, or those of one account, ordered by account and token id.
    QList<TokenNoteEntry> all(const std::optional<QUuid> &accountId = std::nullopt) const;

    QString lastError() const { return m_lastError; }

private:
    Database *m_db;
    mutable QString m_lastError;
};
