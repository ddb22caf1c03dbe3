// libFuzzer target: ApiClient::serverMessageFromBody, the one place every provider's error body (JSON, FastAPI
// validation lists, HTML error pages, cut-off bodies) becomes the server message a person reads.
#include "FuzzSupport.h"
#include "net/ApiClient.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = FuzzSupport::bytes(data, size);
    const QString message = ApiClient::serverMessageFromBody(body);
    if (body.trimmed().isEmpty() && !message.isEmpty())
        std::abort(); // an empty body has no message
    if (message.size() > 4096)
        std::abort(); // messages are capped
    return 0;
}
