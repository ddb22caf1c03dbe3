// libFuzzer target: every SvixWire parse function on the same bytes (portal access, API token, one-time token,
// HttpErrorOut and HTTPValidationError bodies), the created token through the Token arithmetic, and the input as
// an API key (region selection) and a token value (ledger hash prefix).
#include "FuzzSupport.h"
#include "providers/svix/SvixWire.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = FuzzSupport::bytes(data, size);

    const auto portal = SvixWire::parsePortalAccess(body);
    if (!FuzzSupport::consistent(portal))
        std::abort();

    const auto apiToken = SvixWire::parseApiToken(body);
    if (!FuzzSupport::consistent(apiToken))
        std::abort();
    if (apiToken.ok()) {
        Token token;
        token.id = apiToken->id;
        token.created = apiToken->createdAt;
        token.expires = apiToken->expiresAt;
        FuzzSupport::exerciseToken(token);
    }

    const auto oneTime = SvixWire::parseOneTimeToken(body);
    if (!FuzzSupport::consistent(oneTime))
        std::abort();

    (void)SvixWire::parseHttpError(body);
    for (const FieldError &field : SvixWire::parseValidationErrors(body))
        (void)field;

    const QString text = QString::fromUtf8(body);
    const QUrl region = SvixWire::regionBaseUrl(text);
    if (!region.isValid() || region.scheme() != QLatin1String("https"))
        std::abort(); // whatever the key, the API is reached over https
    if (SvixWire::tokenHashPrefix(text).size() != 16)
        std::abort();
    (void)SvixWire::fieldKeyForLoc(text.split(u'\n'));
    return 0;
}
