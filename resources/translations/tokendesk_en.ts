<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountPage</name>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountStore</name>
    <message numerus="yes">
        <source>%n account entries in %1 could not be read and were skipped.</source>
        <translation>
            <numerusform>%n account entry in %1 could not be read and was skipped.</numerusform>
            <numerusform>%n account entries in %1 could not be read and were skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertCenter</name>
    <message numerus="yes">
        <source>%n token(s) expiring or expired</source>
        <translation>
            <numerusform>%n token expiring or expired</numerusform>
            <numerusform>%n tokens expiring or expired</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) expiring soon</source>
        <translation>
            <numerusform>%n token expiring soon</numerusform>
            <numerusform>%n tokens expiring soon</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…and %n more.</numerusform>
            <numerusform>…and %n more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AllAccountsView</name>
    <message numerus="yes">
        <source>Not signed in: %1. Sign in to see their tokens.</source>
        <translation>
            <numerusform>Not signed in: %1. Sign in to see its tokens.</numerusform>
            <numerusform>Not signed in: %1. Sign in to see their tokens.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message numerus="yes">
        <source>Bulk revoke of %n token(s), %1</source>
        <translation>
            <numerusform>Bulk revoke of %n token, %1</numerusform>
            <numerusform>Bulk revoke of %n tokens, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke everything for a subject, %n step(s), %1</source>
        <translation>
            <numerusform>Revoke everything for a subject, %n step, %1</numerusform>
            <numerusform>Revoke everything for a subject, %n steps, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n step(s), %2</source>
        <translation>
            <numerusform>%1, %n step, %2</numerusform>
            <numerusform>%1, %n steps, %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpireAllDialog</name>
    <message numerus="yes">
        <source>The tokens of %n session(s) (%1) of application “%2” will expire %3.</source>
        <translation>
            <numerusform>The tokens of %n session (%1) of application “%2” will expire %3.</numerusform>
            <numerusform>The tokens of %n sessions (%1) of application “%2” will expire %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Expire Tokens of %n Session(s)</source>
        <translation>
            <numerusform>Expire Tokens of %n Session</numerusform>
            <numerusform>Expire Tokens of %n Sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpiryBanner</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpiryCalendarDialog</name>
    <message numerus="yes">
        <source>Wrote %n expiry event(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n expiry event to %1.</numerusform>
            <numerusform>Wrote %n expiry events to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message numerus="yes">
        <source>At most %n character(s).</source>
        <translation>
            <numerusform>At most %n character.</numerusform>
            <numerusform>At most %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Type a lifetime or pick a date. A month counts as %n days, </source>
        <translation>
            <numerusform>Type a lifetime or pick a date. A month counts as %n day, </numerusform>
            <numerusform>Type a lifetime or pick a date. A month counts as %n days, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>a year as %n days.</source>
        <translation>
            <numerusform>a year as %n day.</numerusform>
            <numerusform>a year as %n days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdentifyTokenDialog</name>
    <message numerus="yes">
        <source>%n matching token(s).</source>
        <translation>
            <numerusform>%n matching token.</numerusform>
            <numerusform>%n matching tokens.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeakScanDialog</name>
    <message numerus="yes">
        <source>%n file(s) read, %1 MB</source>
        <translation>
            <numerusform>%n file read, %1 MB</numerusform>
            <numerusform>%n files read, %1 MB</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) read</source>
        <translation>
            <numerusform>%n file read</numerusform>
            <numerusform>%n files read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped (binary or too large)</source>
        <translation>
            <numerusform>%n skipped (binary or too large)</numerusform>
            <numerusform>%n skipped (binary or too large)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) TokenDesk created found</source>
        <translation>
            <numerusform>%n token TokenDesk created found</numerusform>
            <numerusform>%n tokens TokenDesk created found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) of other services</source>
        <translation>
            <numerusform>%n credential of other services</numerusform>
            <numerusform>%n credentials of other services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) updated.</source>
        <translation>
            <numerusform>%n note updated.</numerusform>
            <numerusform>%n notes updated.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MagicBellProvider</name>
    <message numerus="yes">
        <source>The list is incomplete: it shows the first %n token(s) only.</source>
        <translation>
            <numerusform>The list is incomplete: it shows the first %n token only.</numerusform>
            <numerusform>The list is incomplete: it shows the first %n tokens only.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MfaDialog</name>
    <message numerus="yes">
        <source>Codes change every 30 s; this one is valid for %n more second(s).</source>
        <translation>
            <numerusform>Codes change every 30 s; this one is valid for %n more second.</numerusform>
            <numerusform>Codes change every 30 s; this one is valid for %n more seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message numerus="yes">
        <source>Alert thresholds: at most %n durations.</source>
        <translation>
            <numerusform>Alert thresholds: at most %n duration.</numerusform>
            <numerusform>Alert thresholds: at most %n durations.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message numerus="yes">
        <source>Copied. The clipboard will be cleared in %n second(s).</source>
        <translation>
            <numerusform>Copied. The clipboard will be cleared in %n second.</numerusform>
            <numerusform>Copied. The clipboard will be cleared in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RevokePlan</name>
    <message numerus="yes">
        <source>%1: revoke every token of %2 (%n listed)</source>
        <translation>
            <numerusform>%1: revoke every token of %2 (%n listed)</numerusform>
            <numerusform>%1: revoke every token of %2 (%n listed)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RevokePlanDialog</name>
    <message numerus="yes">
        <source>Dry run: %n call(s) would be made, </source>
        <translation>
            <numerusform>Dry run: %n call would be made, </numerusform>
            <numerusform>Dry run: %n calls would be made, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>revoking %n token(s) </source>
        <translation>
            <numerusform>revoking %n token </numerusform>
            <numerusform>revoking %n tokens </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n account(s). Nothing has been sent yet.</source>
        <translation>
            <numerusform>in %n account. Nothing has been sent yet.</numerusform>
            <numerusform>in %n accounts. Nothing has been sent yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) could not be checked.</source>
        <translation>
            <numerusform>%n account could not be checked.</numerusform>
            <numerusform>%n accounts could not be checked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Revoke %n Token(s)</source>
        <translation>
            <numerusform>&amp;Revoke %n Token</numerusform>
            <numerusform>&amp;Revoke %n Tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n Token(s)</source>
        <translation>
            <numerusform>Revoke %n Token</numerusform>
            <numerusform>Revoke %n Tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) (%1)</source>
        <translation>
            <numerusform>%n account (%1)</numerusform>
            <numerusform>%n accounts (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n token(s) in %1? Anything using them stops working.</source>
        <translation>
            <numerusform>Revoke %n token in %1? Anything using it stops working.</numerusform>
            <numerusform>Revoke %n tokens in %1? Anything using them stops working.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenRevoker</name>
    <message numerus="yes">
        <source>%n token(s) revoked.</source>
        <translation>
            <numerusform>%n token revoked.</numerusform>
            <numerusform>%n tokens revoked.</numerusform>
        </translation>
    </message>
</context>
</TS>
