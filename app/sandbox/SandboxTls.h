#pragma once

#include <QString>

// https for the sandbox. Qt cannot create certificates, so a self-signed one is made by running the `openssl`
// command-line tool (Debian/Ubuntu: package openssl; macOS ships LibreSSL's `openssl`; Windows: Git for
// Windows or the OpenSSL installer put one on PATH). Without it, pass an existing pair with
// `tokendesk-sandbox --tls-cert FILE --tls-key FILE`, e.g. one made once with (one command line):
//   openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=TokenDesk Sandbox"
//       -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout sandbox.key -out sandbox.crt
// The key is a throw-away test key, not a secret of anyone's.
namespace SandboxTls {

struct Files
{
    QString certificatePath; // PEM
    QString keyPath; // PEM, unencrypted
};

// Writes sandbox.crt and sandbox.key (CN "TokenDesk Sandbox", subjectAltName 127.0.0.1 and localhost, 30 days)
// into `directory`. False with *error set when openssl is missing or fails.
bool generateSelfSigned(const QString &directory, Files *files, QString *error);

} // namespace SandboxTls
