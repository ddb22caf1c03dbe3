#pragma once

#include "core/Account.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QUuid>

#include <optional>

// Accounts grouped by provider: top-level rows are providers that have accounts, their children accounts.
class AccountListModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role {
        AccountIdRole = Qt::UserRole + 1, // QUuid (invalid on group rows)
        ProviderIdRole, // QString
        IsGroupRole, // bool
        StatusTextRole, // e.g. "signed in, session expires in 3 h", "keychain unavailable"
        BadgeRole, // a short warning shown on the account ("http" when it talks plain http off this computer)
        StatusToneRole, // int(StatusTone) of the status text
    };
    Q_ENUM(Role)

    // How the sidebar colours an account's status line: Neutral for states that need no alarm ("not signed in",
    // "signed in"), Attention for something the user should act on, Error for a failure.
    enum class StatusTone { Neutral, Attention, Error };
    Q_ENUM(StatusTone)

    explicit AccountListModel(QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void setAccounts(const QList<Account> &accounts);
    void addAccount(const Account &account);
    void updateAccount(const Account &account);
    void removeAccount(const QUuid &id);
    QList<Account> accounts() const;
    std::optional<Account> account(const QUuid &id) const;
    QModelIndex indexOf(const QUuid &id) const;
    void setStatusText(const QUuid &id, const QString &text, StatusTone tone = StatusTone::Neutral);

private:
    // The account talks plain http to a host other than this computer, because the user allowed it.
    static bool usesAllowedPlainHttp(const Account &account);
    struct Group
    {
        QString providerId;
        QList<Account> accounts;
    };
    QList<Group> m_groups;
    QHash<QUuid, QString> m_status;
    QHash<QUuid, StatusTone> m_tone;
};
