#pragma once

#include "BuiltinEmulators.h"
#include "SandboxServer.h"

#include "core/Clock.h"
#include "providers/TokenProvider.h"
#include "store/Database.h"
#include "store/Ledger.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <memory>

// The in-process set-up the provider fault matrices with a ledger share (tst_faultmatrix_netsapiens,
// tst_faultmatrix_svix): a scratch database with a ledger, a network manager, and a listening SandboxServer with
// every built-in emulator. Apart from FaultMatrix.h because tst_faultmatrix_cli includes that one without
// linking the sandbox.
class FaultMatrixSandbox
{
public:
    // false with *error set when the database or the server could not start.
    bool start(QString *error)
    {
        if (!m_dir.isValid()) {
            *error = m_dir.errorString();
            return false;
        }
        m_database = std::make_unique<Database>(m_dir.filePath(QStringLiteral("tokendesk.sqlite")));
        if (!m_database->open()) {
            *error = m_database->lastError();
            return false;
        }
        m_ledger = std::make_unique<Ledger>(m_database.get());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_server = std::make_unique<SandboxServer>();
        registerBuiltinEmulators(*m_server);
        if (!m_server->listen()) {
            *error = QStringLiteral("the sandbox does not listen");
            return false;
        }
        return true;
    }

    SandboxServer *server() const { return m_server.get(); }
    Ledger *ledger() const { return m_ledger.get(); }

    // The service's part of the sandbox's ready info (base_url, credentials...).
    QJsonObject service(const QString &id) const
    {
        return m_server->readyInfo().value(QLatin1String("services")).toObject().value(id).toObject();
    }

    // Network, system clock and ledger for a provider under test.
    ProviderContext context() const
    {
        ProviderContext context;
        context.network = m_network.get();
        context.clock = Clock::system();
        context.ledger = m_ledger.get();
        return context;
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<SandboxServer> m_server;
};
