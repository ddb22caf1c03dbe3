#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

// Stoplight Prism as an OpenAPI validating proxy in front of the sandbox, for the conformance tests: every request
// that reaches it is checked against the spec and forwarded to the upstream, and every answer is checked on its
// way back. Prism runs without --errors: with it, Prism answers a request violation itself (422) and a response
// violation with a 500, and its log names neither field; without it, the traffic is unchanged and the log has one
// "Violation: <location> <message>" line per problem (request.body.expiry, response.body, ...), which
// takeViolations() returns with the request it belongs to, so a failing test names the field. One exception in
// Prism's proxy: an upstream 501 is replaced by a mocked answer ("Remocking the call"); that is reported too, as
// the exchange was not checked.
class PrismProxy
{
public:
    // A violation that is expected, with the reason (a spec/reality difference documented where it is listed).
    // Matches when the exchange ("POST /jwt [200]": request line and the upstream's status) contains `request` and
    // the violation contains `violation`.
    struct Allowed
    {
        QString request;
        QString violation;
        QString reason;
    };

    PrismProxy();
    ~PrismProxy();
    PrismProxy(const PrismProxy &) = delete;
    PrismProxy &operator=(const PrismProxy &) = delete;

    // Where the node tools are, from the file tests/conformance/install-node-tools wrote; empty with *whyNot set
    // when they are not installed.
    static QString nodeModules(QString *whyNot);
    // The specs folder (../shared/contracts/specs beside the checkout); empty with *whyNot set when absent.
    static QString specsDir(QString *whyNot);

    // Starts Prism on a free loopback port with `specPath` (prepared by prepareSpec first) in front of `upstream`.
    bool start(const QString &nodeModules, const QString &specPath, const QUrl &upstream);
    void stop();
    QString errorString() const { return m_error; }
    QUrl url() const; // http://127.0.0.1:<port>

    void setAllowed(const QList<Allowed> &allowed) { m_allowed = allowed; }
    // Violations logged since the last call, "METHOD /path [status]: location message", minus the allowed ones (those
    // are kept in allowedSeen()). Waits until Prism has been quiet for a moment, so the lines of the last exchange are
    // in.
    QStringList takeViolations();
    QStringList allowedSeen() const { return m_allowedSeen; }
    // Requests Prism forwarded to the upstream so far: proof that the traffic went through it.
    int forwardedCount();
    // Prism's log so far (no secrets: at the info level it logs methods and paths, never headers or bodies).
    QByteArray log() const { return m_log; }

    // The spec as Prism can use it. The NetSapiens documents list several operations of one path under keys like
    // "/jwt#1", "/jwt#2" (an export quirk: not path templates, so Prism would never match them and would check
    // every POST /jwt against the password grant alone). Each such operation is merged into its path: the request
    // body schemas become one anyOf, the answers are united (same status: anyOf), and parameters only one variant
    // requires (the delegated grant's Authorization header) are dropped. In OpenAPI 3.1 documents, a "$ref" with
    // sibling keywords becomes an allOf, so Prism applies both as JSON Schema 2020-12 does (it would let the siblings
    // replace the reference). `notes` says what was changed.
    static QByteArray prepareSpec(const QByteArray &json, QStringList *notes = nullptr);

private:
    void readOutput();
    void settle();
    void parse(const QByteArray &line);

    QProcess m_process;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    QString m_error;
    QByteArray m_log;
    QByteArray m_partialLine;
    QString m_currentRequest;
    QString m_currentStatus; // the upstream's answer to it
    QStringList m_violations;
    QStringList m_allowedSeen;
    QList<Allowed> m_allowed;
    int m_forwarded = 0;
};
