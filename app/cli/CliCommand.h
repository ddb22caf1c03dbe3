#pragma once

#include "CliArguments.h"
#include "CliCommandSpec.h"

#include <QFuture>
#include <QObject>
#include <QStringList>

class ApiError;
class CliApplication;
class CliOutput;

// One tokendesk-cli command. A command object runs once: run() gets the words after the command's name and
// returns a future of the exit code; everything it prints goes through CliOutput. CliCommandTable creates it
// and deletes it when that future has finished.
class CliCommand : public QObject
{
    Q_OBJECT
public:
    CliCommand(const CliCommandSpec &spec, CliApplication *app);

    const CliCommandSpec &commandSpec() const { return m_spec; }
    virtual QFuture<int> run(const QStringList &words) = 0;

protected:
    // Parses `words` against the spec's options and positional counts (or `argumentSpec`, for options known only
    // at run time); on failure prints the usage error and returns false.
    bool parse(const QStringList &words, CliArguments *out);
    bool parse(const QStringList &words, const CliArguments::Spec &argumentSpec, CliArguments *out);
    // "usage: tokendesk-cli SYNOPSIS" on stderr; returns 2.
    int usageError();
    // An API error's exit code and message; an authentication failure of an account that is not signed in
    // adds how to sign in (signInHint()).
    int fail(const ApiError &error);
    int fail(int code, const QString &message);
    // The token value of --token-stdin: stdin up to a JWT's size, trimmed, the bytes read wiped. On failure prints
    // it and returns false with the exit code in *code.
    bool readTokenFromStdin(QString *value, int *code);
    // The account name to put in "sign in with `tokendesk-cli login NAME`", when there is one.
    virtual QString signInHint() const { return {}; }

    CliOutput &out() const;
    bool jsonOutput() const;

    CliApplication *m_app;

private:
    CliCommandSpec m_spec;
};
