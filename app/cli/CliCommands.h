#pragma once

#include "CliArguments.h"
#include "CliFuture.h"

#include "core/Result.h"
#include "core/Token.h"

#include <QFuture>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <functional>

class AccountSession;
class CliApplication;
class Clock;

// The commands of tokendesk-cli. Each one returns a future of its exit code and prints through CliOutput.
class CliCommands : public QObject
{
    Q_OBJECT
public:
    explicit CliCommands(CliApplication *app);

    // `words` is the command line without global options: "tokens", "work", "--user", "u1", ...
    QFuture<int> dispatch(const QStringList &words);

    // The JSON shape of one token in `tokens --json` and `show --json`.
    static QJsonObject tokenJson(const Token &token, const Clock &clock);
    // tokenJson() as the streamed `tokens --json` writes it: one element of QJsonDocument::toJson(Indented)'s
    // top-level array ("    {\n...\n    }", no separator), without building a QJsonObject.
    static void appendTokenJson(QByteArray &out, const Token &token, const Clock &clock);

private:
    using SessionBody = std::function<void(AccountSession *session, const CliFuture::Completion &done)>;

    QFuture<int> accountAdd(const QStringList &words);
    QFuture<int> accountList(const QStringList &words);
    QFuture<int> accountRemove(const QStringList &words);
    QFuture<int> decode(const QStringList &words);
    QFuture<int> tokens(const QStringList &words);
    QFuture<int> create(const QStringList &words);
    QFuture<int> show(const QStringList &words);
    QFuture<int> revoke(const QStringList &words);
    QFuture<int> login(const QStringList &words);
    QFuture<int> logout(const QStringList &words);
    QFuture<int> verify(const QStringList &words);
    QFuture<int> revokeAll(const QStringList &words);
    QFuture<int> audit(const QStringList &words);
    QFuture<int> svix(const QStringList &words); // Svix seed operations outside the common interface

    // Finds the account, opens the database, loads its secrets (plus --secrets-stdin ones for this run),
    // runs `body`, then waits for keychain writes the provider asked for before finishing.
    QFuture<int> withSession(const QString &nameOrId, const SessionBody &body);
    // Parses `words` against `spec`; on failure prints the usage error and returns false.
    bool parse(const QStringList &words, const CliArguments::Spec &spec, CliArguments *out, qsizetype minPositionals,
        qsizetype maxPositionals, const QString &synopsis);
    int fail(const ApiError &error);
    int fail(int code, const QString &message);
    void printTokens(const QList<Token> &tokens);
    void revokeNext(AccountSession *session, QList<Token> queue, QJsonArray results, int firstFailure,
        const CliFuture::Completion &done);

    CliApplication *m_app;
    // The account of this command when it signs in and has no session: an authentication failure then says to run
    // `tokendesk-cli login NAME` (exit 3). Empty otherwise, and for `login` itself.
    QString m_signInHint;
};
