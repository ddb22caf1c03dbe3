#include "LeakScanner.h"

#include "core/TokenFingerprint.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <array>

namespace {

constexpr qsizetype MinimumCandidate = 16;
constexpr qsizetype BinaryProbeBytes = 8 * 1024;

// Characters a token value is made of: base64url, the JWT's dots, the prefixes' underscores and dashes.
constexpr std::array<bool, 256> tokenCharacters()
{
    std::array<bool, 256> table {};
    for (int c = 'a'; c <= 'z'; ++c)
        table[size_t(c)] = true;
    for (int c = 'A'; c <= 'Z'; ++c)
        table[size_t(c)] = true;
    for (int c = '0'; c <= '9'; ++c)
        table[size_t(c)] = true;
    table[size_t('_')] = table[size_t('-')] = table[size_t('.')] = true;
    return table;
}
constexpr std::array<bool, 256> IsTokenChar = tokenCharacters();

// The prefixes of values the four services issue (reality.md, contracts): Svix portal tokens and API keys,
// NetSapiens API keys by scope. JWTs (Specter, MagicBell, NetSapiens) are found by their shape.
constexpr std::array<const char *, 7> OwnPrefixes = {"appsk_", "testsk_", "sk_", "nss_", "nsr_", "nsd_", "nsu_"};

struct Foreign
{
    const char *prefix;
    const char *service;
    const char *revocation;
};
const std::array<Foreign, 4> ForeignPrefixes = {{
    {"github_pat_", QT_TRANSLATE_NOOP("LeakScanner", "GitHub fine-grained personal access token"),
        QT_TRANSLATE_NOOP("LeakScanner",
            "GitHub → Settings → Developer settings → Fine-grained tokens "
            "(https://github.com/settings/personal-access-tokens), or DELETE /credentials/revoke")},
    {"ghp_", QT_TRANSLATE_NOOP("LeakScanner", "GitHub personal access token (classic)"),
        QT_TRANSLATE_NOOP("LeakScanner",
            "GitHub → Settings → Developer settings → Tokens (classic) (https://github.com/settings/tokens), "
            "or DELETE /credentials/revoke")},
    {"glpat-", QT_TRANSLATE_NOOP("LeakScanner", "GitLab personal access token"),
        QT_TRANSLATE_NOOP("LeakScanner",
            "GitLab → Preferences → Access tokens → Revoke, or DELETE /api/v4/personal_access_tokens/self "
            "with the token")},
    {"hvs.", QT_TRANSLATE_NOOP("LeakScanner", "HashiCorp Vault service token"),
        QT_TRANSLATE_NOOP(
            "LeakScanner", "vault token revoke -accessor ACCESSOR, or POST /v1/auth/token/revoke-self with the token")},
}};

bool startsWith(QByteArrayView run, const char *prefix)
{
    return run.startsWith(QByteArrayView(prefix));
}

} // namespace

LeakScanner::LeakScanner(const QByteArray &key, const QList<FingerprintRecord> &known)
    : m_key(key)
{
    for (const FingerprintRecord &record : known)
        m_known.insert(record.mac, record);
}

void LeakScanner::setProgress(Progress progress, int everyFiles)
{
    m_progress = std::move(progress);
    m_everyFiles = qMax(1, everyFiles);
}

void LeakScanner::scan(const QStringList &paths)
{
    for (const QString &path : paths) {
        if (cancelled())
            break;
        const QFileInfo info(path);
        if (info.isDir()) {
            // Regular files only (no QDir::System): opening a FIFO or a device would block or never end.
            QDirIterator it(path, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
            while (it.hasNext() && !cancelled())
                scanFile(it.next());
        } else {
            scanFile(path);
        }
    }
    m_stats.cancelled = cancelled();
    if (m_progress)
        m_progress(m_stats, QString());
}

void LeakScanner::report(const QString &path)
{
    const qint64 seen = m_stats.files + m_stats.skippedBinary + m_stats.skippedLarge + m_stats.unreadable;
    if (m_progress && seen % m_everyFiles == 0)
        m_progress(m_stats, path);
}

void LeakScanner::scanFile(const QString &path)
{
    if (!QFileInfo(path).isFile()) {
        ++m_stats.unreadable;
        report(path);
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ++m_stats.unreadable;
        report(path);
        return;
    }
    const qint64 size = file.size();
    if (size > m_maxFileBytes) {
        ++m_stats.skippedLarge;
        report(path);
        return;
    }
    // Files that grow while read (logs) are read up to the limit.
    m_buffer.resize(qsizetype(qMin(size, m_maxFileBytes)));
    const qint64 got = size > 0 ? file.read(m_buffer.data(), m_buffer.size()) : 0;
    if (got < 0) {
        ++m_stats.unreadable;
        report(path);
        return;
    }
    const QByteArrayView data(m_buffer.constData(), qsizetype(got));
    if (data.first(qMin(data.size(), BinaryProbeBytes)).contains('\0')) {
        ++m_stats.skippedBinary;
        report(path);
        return;
    }
    ++m_stats.files;
    m_stats.bytes += got;
    scanBuffer(path, data);
    report(path);
}

void LeakScanner::scanBuffer(const QString &path, QByteArrayView data)
{
    const char *p = data.data();
    const qsizetype n = data.size();
    qint64 line = 1;
    qsizetype i = 0;
    while (i < n) {
        const auto c = static_cast<unsigned char>(p[i]);
        if (!IsTokenChar[c]) {
            if (c == '\n')
                ++line;
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < n && IsTokenChar[static_cast<unsigned char>(p[i])])
            ++i;
        if (i - start >= MinimumCandidate)
            scanRun(path, line, QByteArrayView(p + start, i - start));
    }
}

void LeakScanner::scanRun(const QString &path, qint64 line, QByteArrayView run)
{
    for (const Foreign &foreign : ForeignPrefixes) {
        if (startsWith(run, foreign.prefix)) {
            LeakHit hit;
            hit.kind = LeakHit::Kind::Foreign;
            hit.path = path;
            hit.line = line;
            hit.service = tr(foreign.service);
            hit.revocation = tr(foreign.revocation);
            m_hits.append(hit);
            return;
        }
    }
    QByteArrayView candidate;
    const qsizetype jwtStart = run.indexOf(QByteArrayView("eyJ"));
    if (jwtStart >= 0) {
        // header.payload.signature; a sentence's full stop after it is not part of it.
        const QByteArrayView rest = run.sliced(jwtStart);
        const qsizetype firstDot = rest.indexOf('.');
        const qsizetype secondDot = firstDot < 0 ? -1 : rest.indexOf('.', firstDot + 1);
        if (firstDot > 0 && secondDot > firstDot + 1) {
            const qsizetype thirdDot = rest.indexOf('.', secondDot + 1);
            candidate = thirdDot < 0 ? rest : rest.first(thirdDot);
        }
    }
    if (candidate.isEmpty()) {
        for (const char *prefix : OwnPrefixes) {
            if (startsWith(run, prefix)) {
                candidate = run;
                break;
            }
        }
    }
    if (candidate.isEmpty() || m_key.isEmpty())
        return;
    ++m_stats.candidates;
    auto it = m_known.constFind(TokenFingerprint::macOf(m_key, candidate));
    if (it == m_known.constEnd() && (candidate.endsWith('.') || candidate.endsWith('-'))) {
        candidate.chop(1);
        it = m_known.constFind(TokenFingerprint::macOf(m_key, candidate));
    }
    if (it == m_known.constEnd())
        return;
    LeakHit hit;
    hit.kind = LeakHit::Kind::TokenDesk;
    hit.path = path;
    hit.line = line;
    hit.record = it.value();
    m_hits.append(hit);
}

QString LeakScanner::sightingText(const LeakHit &hit, const QDateTime &when)
{
    return tr("seen at %1 (%2)").arg(hit.location(), when.toUTC().date().toString(Qt::ISODate));
}

TokenNote LeakScanner::withSighting(const TokenNote &note, const LeakHit &hit, const QDateTime &when)
{
    TokenNote result = note;
    const QString place = tr("seen at %1").arg(hit.location());
    if (result.usedIn.contains(place))
        return result;
    const QString line = sightingText(hit, when);
    result.usedIn = result.usedIn.trimmed().isEmpty() ? line : result.usedIn.trimmed() + QStringLiteral("; ") + line;
    return result;
}
