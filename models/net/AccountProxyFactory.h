#pragma once

#include "ProxyPolicy.h"

#include <QNetworkProxyFactory>
#include <QProcessEnvironment>

// The proxy factory of a network access manager: every request follows one ProxyPolicy (see there), with the
// proxy environment variables read once, when the factory is made.
class AccountProxyFactory final : public QNetworkProxyFactory
{
public:
    explicit AccountProxyFactory(
        const ProxyPolicy &policy, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query = QNetworkProxyQuery()) override;
    const ProxyPolicy &policy() const { return m_policy; }

private:
    ProxyPolicy m_policy;
    QProcessEnvironment m_environment;
};
