// libFuzzer target: every NetSapiensWire parse function on the same bytes (JWT replies, the claims of GET /jwt,
// error bodies), the MFA hint and token metadata of any JWT the reply carries, and the input as a domain name
// and a path segment.
#include "FuzzSupport.h"
#include "core/Jwt.h"
#include "providers/netsapiens/NetSapiensWire.h"

#include <QJsonObject>
#include <QUrl>

#include <cstdint>
#include <cstdlib>

namespace {

void exerciseJwt(const QString &jwt)
{
    (void)NetSapiensWire::mfaHint(Jwt::decode(jwt).claims());
    const Token token = NetSapiensWire::tokenFromJwt(jwt, QStringLiteral("session"));
    if (token.lifetimeSeconds && *token.lifetimeSeconds <= 0)
        std::abort();
    FuzzSupport::exerciseToken(token);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = FuzzSupport::bytes(data, size);

    const auto pair = NetSapiensWire::parseJwtSuccess(body);
    if (!FuzzSupport::consistent(pair))
        std::abort();
    if (pair.ok())
        exerciseJwt(pair->token);

    const auto claims = NetSapiensWire::parseClaims(body);
    if (!FuzzSupport::consistent(claims))
        std::abort();
    if (claims.ok()) {
        const QJsonObject object = QJsonObject::fromVariantMap(claims.value());
        if (const auto hint = NetSapiensWire::mfaHint(object); hint && (hint->vendor.isEmpty() || hint->type.isEmpty()))
            std::abort(); // defaults fill what the claims leave out
    }

    const QString message = NetSapiensWire::parseErrorMessage(body);
    if (body.trimmed().isEmpty() && !message.isEmpty())
        std::abort();

    // The bytes as a pasted JWT, a domain name and a path segment.
    const QString text = QString::fromUtf8(body);
    exerciseJwt(text);
    (void)NetSapiensWire::isValidDomain(text);
    const QString segment = NetSapiensWire::encodePathSegment(text);
    if (segment.contains(u'/') || QUrl::fromPercentEncoding(segment.toUtf8()) != text)
        std::abort(); // a segment never splits the path and decodes to what was encoded
    return 0;
}
