// libFuzzer target: Jwt::decode on arbitrary text, and on three arbitrary base64url parts.
#include "core/Jwt.h"
#include "core/UtcTime.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdlib>

namespace {

void exercise(const Jwt &jwt)
{
    if (jwt.isValid() != jwt.error().isEmpty())
        std::abort();
    (void)jwt.algorithm();
    (void)jwt.expiresAt();
    (void)jwt.issuedAt();
    (void)jwt.notBefore();
    (void)jwt.id();
    (void)jwt.subject();
    (void)jwt.warnings(UtcTime::fromSecs(1767268800));
    if (!jwt.isValid() && (!jwt.claims().isEmpty() || !jwt.header().isEmpty()))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    exercise(Jwt::decode(QString::fromUtf8(bytes)));

    // Split the input in three and encode each part, so the JSON decoding is reached often.
    const qsizetype third = bytes.size() / 3;
    const auto encode = [](const QByteArray &b) {
        return QString::fromLatin1(b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    const QString token =
        encode(bytes.left(third)) + u'.' + encode(bytes.mid(third, third)) + u'.' + encode(bytes.mid(2 * third));
    exercise(Jwt::decode(token));
    return 0;
}
