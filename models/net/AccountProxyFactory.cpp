#include "AccountProxyFactory.h"

#include <QNetworkProxyQuery>

AccountProxyFactory::AccountProxyFactory(const ProxyPolicy &policy, const QProcessEnvironment &environment)
    : m_policy(policy)
    , m_environment(environment)
{ }

QList<QNetworkProxy> AccountProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    return {m_policy.proxyFor(query.url(), m_environment)};
}
