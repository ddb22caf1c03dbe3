// tokendesk-crashwriter: helper of tst_store_crashsafety (not a test itself). Saves accounts (AccountStore) and
// writes ledger rows (Database + Ledger) in a loop in the folder given as argument, and prints one line on
// stdout after each write has returned successfully ("A <uuid>" for an account, "L <token id>" for a ledger
// row), so the parent knows what was committed before it kills this process with SIGKILL.
//
// usage: tokendesk-crashwriter CONFIG_DIR LEDGER_ACCOUNT_UUID PREFIX
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/Ledger.h"

#include <QCoreApplication>
#include <QDir>
#include <QUuid>

#include <cstdio>

namespace {

void report(const QByteArray &line)
{
    const QByteArray out = line + '\n';
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: tokendesk-crashwriter CONFIG_DIR LEDGER_ACCOUNT_UUID PREFIX\n");
        return 2;
    }
    const QString dir = args.at(1);
    const QUuid ledgerAccount = QUuid::fromString(args.at(2));
    const QString prefix = args.at(3);

    AccountStore accounts(dir);
    Database database(QDir(dir).filePath(QStringLiteral("tokendesk.sqlite")));
    if (!database.open()) {
        std::fprintf(stderr, "crashwriter: %s\n", qPrintable(database.lastError()));
        return 1;
    }
    Ledger ledger(&database);
    report("ready");

    for (int i = 0; i < 100'000; ++i) {
        // An account add (the whole file rewritten) ...
        Account account;
        account.id = QUuid::createUuid();
        account.name = QStringLiteral("%1-account-%2").arg(prefix).arg(i);
        account.providerId = QStringLiteral("specter");
        account.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:25441"));
        account.options.insert(QStringLiteral("username"), QStringLiteral("admin-%1").arg(i));
        if (!accounts.add(account)) {
            std::fprintf(stderr, "crashwriter: %s\n", qPrintable(accounts.lastError()));
            return 1;
        }
        report("A " + account.id.toByteArray(QUuid::WithoutBraces));

        // ... then two ledger rows (each its own transaction).
        for (int j = 0; j < 2; ++j) {
            LedgerEntry entry;
            entry.accountId = ledgerAccount;
            entry.providerId = QStringLiteral("svix");
            entry.kind = QStringLiteral("portal");
            entry.tokenId = QStringLiteral("%1-tok-%2-%3").arg(prefix).arg(i).arg(j);
            entry.label = QStringLiteral("crash test row");
            entry.subject = QStringLiteral("app_demo");
            entry.appId = QStringLiteral("app_demo");
            entry.created = QDateTime::currentDateTimeUtc();
            entry.expires = entry.created.addSecs(3600);
            entry.createdBy = QStringLiteral("crashwriter");
            if (ledger.record(entry) == 0) {
                std::fprintf(stderr, "crashwriter: %s\n", qPrintable(ledger.lastError()));
                return 1;
            }
            report("L " + entry.tokenId.toUtf8());
        }
    }
    return 0;
}
