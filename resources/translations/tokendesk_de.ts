<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About TokenDesk</source>
        <translation>Über TokenDesk</translation>
    </message>
    <message>
        <source>TokenDesk logo</source>
        <translation>TokenDesk-Logo</translation>
    </message>
    <message>
        <source>&lt;h2&gt;TokenDesk&lt;/h2&gt;&lt;p&gt;Issue, audit and revoke API tokens.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;TokenDesk&lt;/h2&gt;&lt;p&gt;API-Token ausstellen, prüfen und widerrufen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>QtKeychain</source>
        <translation>QtKeychain</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>MIT License</source>
        <translation>MIT-Lizenz</translation>
    </message>
    <message>
        <source>Configuration folder</source>
        <translation>Konfigurationsordner</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy these facts for a support request</source>
        <translation>Diese Angaben für eine Support-Anfrage kopieren</translation>
    </message>
</context>
<context>
    <name>AccountCommands</name>
    <message>
        <source>Saving the account</source>
        <translation>Konto wird gespeichert</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove the account “%1”? Its stored credentials are deleted from the keychain. Tokens on the service are not revoked.</source>
        <translation>Das Konto „%1“ entfernen? Seine gespeicherten Zugangsdaten werden aus dem Schlüsselbund gelöscht. Token beim Dienst werden nicht widerrufen.</translation>
    </message>
    <message>
        <source>Removing the account</source>
        <translation>Entfernen des Kontos</translation>
    </message>
</context>
<context>
    <name>AccountController</name>
    <message>
        <source>%1 (sandbox)</source>
        <translation>%1 (Sandbox)</translation>
    </message>
    <message>
        <source>No such account.</source>
        <translation>Kein solches Konto.</translation>
    </message>
    <message>
        <source>%1, legacy API (sandbox)</source>
        <translation>%1, alte API (Sandbox)</translation>
    </message>
    <message>
        <source>%1, two-step verification (sandbox)</source>
        <translation>%1, zweistufige Bestätigung (Sandbox)</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>No services are available in this build, so no account can be added yet.</source>
        <translation>In diesem Build sind keine Dienste verfügbar, daher kann noch kein Konto hinzugefügt werden.</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Dienst:</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
    <message>
        <source>e.g. Production</source>
        <translation>z. B. Produktion</translation>
    </message>
    <message>
        <source>Account name error</source>
        <translation>Fehler beim Kontonamen</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>Server-&amp;URL:</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <source>Server URL error</source>
        <translation>Fehler bei der Server-URL</translation>
    </message>
    <message>
        <source>Service settings</source>
        <translation>Diensteinstellungen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>New Account</source>
        <translation>Neues Konto</translation>
    </message>
    <message>
        <source>Edit Account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored value</source>
        <translation>Leer lassen, um den gespeicherten Wert zu behalten</translation>
    </message>
    <message>
        <source>Save account</source>
        <translation>Konto speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (Standard)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Separate several values with commas</source>
        <translation>Mehrere Werte durch Kommas trennen</translation>
    </message>
    <message>
        <source>%1 error</source>
        <translation>Fehler bei %1</translation>
    </message>
    <message>
        <source>%1:*</source>
        <translation>%1:*</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Choose a service.</source>
        <translation>Wählen Sie einen Dienst.</translation>
    </message>
    <message>
        <source>Enter a name for the account.</source>
        <translation>Geben Sie einen Namen für das Konto ein.</translation>
    </message>
    <message>
        <source>Enter the server URL.</source>
        <translation>Geben Sie die Server-URL ein.</translation>
    </message>
    <message>
        <source>Enter a full URL such as https://api.example.com.</source>
        <translation>Geben Sie eine vollständige URL ein, z. B. https://api.example.com.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 ist erforderlich.</translation>
    </message>
    <message>
        <source>Effective server</source>
        <translation>Tatsächlicher Server</translation>
    </message>
    <message>
        <source>From the credentials (default)</source>
        <translation>Aus den Zugangsdaten (Standard)</translation>
    </message>
    <message>
        <source>Requests go to the host the stored credentials choose.</source>
        <translation>Anfragen gehen an den Host, den die gespeicherten Zugangsdaten wählen.</translation>
    </message>
    <message>
        <source>Requests go to %1 (chosen by the credentials).</source>
        <translation>Anfragen gehen an %1 (von den Zugangsdaten gewählt).</translation>
    </message>
    <message>
        <source>Your server&apos;s address (required), https://…</source>
        <translation>Adresse Ihres Servers (erforderlich), https://…</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Plain http:</source>
        <translation>Unverschlüsseltes http:</translation>
    </message>
    <message>
        <source>Allow plain &amp;http to this host</source>
        <translation>Unverschlüsseltes &amp;http zu diesem Host erlauben</translation>
    </message>
    <message>
        <source>Allow plain http to this host</source>
        <translation>Unverschlüsseltes http zu diesem Host erlauben</translation>
    </message>
    <message>
        <source>For a server on your own network (a home node) that has no https. Everything sent to it, the password included, can be read on the way.</source>
        <translation>Für einen Server im eigenen Netz (einen Heimknoten) ohne https. Alles, was an ihn gesendet wird, auch das Passwort, kann unterwegs mitgelesen werden.</translation>
    </message>
    <message>
        <source>Plain http warning</source>
        <translation>Warnung zu unverschlüsseltem http</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA-Zertifikatsdatei</translation>
    </message>
    <message>
        <source>System certificates only</source>
        <translation>Nur die Zertifikate des Systems</translation>
    </message>
    <message>
        <source>A PEM file of certificates to trust for this server as well (a self-signed certificate or your own CA).</source>
        <translation>Eine PEM-Datei mit Zertifikaten, denen für diesen Server zusätzlich vertraut wird (ein selbst signiertes Zertifikat oder eine eigene CA).</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation>CA-Zertifikatsdatei wählen</translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation>&amp;Proxy:</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>SOCKS5 proxy address</source>
        <translation>Adresse des SOCKS5-Proxys</translation>
    </message>
    <message>
        <source>HOST:PORT of a SOCKS5 proxy, which also resolves the server&apos;s name: Tor&apos;s is 127.0.0.1:9050, for a .onion address.</source>
        <translation>HOST:PORT eines SOCKS5-Proxys, der auch den Namen des Servers auflöst: der von Tor ist 127.0.0.1:9050, für eine .onion-Adresse.</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>System proxy (default)</source>
        <translation>Proxy des Systems (Standard)</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Kein Proxy</translation>
    </message>
    <message>
        <source>SOCKS5 proxy (Tor)</source>
        <translation>SOCKS5-Proxy (Tor)</translation>
    </message>
    <message>
        <source>Warning: over plain http, everything sent to %1, the password and the tokens included, can be read and changed by anyone on the network path. Allow it only for a server on your own network.</source>
        <translation>Warnung: Über unverschlüsseltes http kann alles, was an %1 gesendet wird, auch das Passwort und die Token, von jedem auf dem Netzwerkweg gelesen und verändert werden. Erlauben Sie es nur für einen Server im eigenen Netz.</translation>
    </message>
    <message>
        <source>Use https: plain http is only allowed for this computer (localhost, 127.0.0.1), or to this host when you tick &quot;Allow plain http to this host&quot; below.</source>
        <translation>Verwenden Sie https: Unverschlüsseltes http ist nur für diesen Computer erlaubt (localhost, 127.0.0.1) oder zu diesem Host, wenn Sie unten „Unverschlüsseltes http zu diesem Host erlauben“ ankreuzen.</translation>
    </message>
</context>
<context>
    <name>AccountListCollector</name>
    <message>
        <source>the provider “%1” is not part of this build</source>
        <translation>der Anbieter „%1“ ist nicht Teil dieses Builds</translation>
    </message>
    <message>
        <source>the account was removed</source>
        <translation>das Konto wurde entfernt</translation>
    </message>
</context>
<context>
    <name>AccountListModel</name>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Plain http is allowed to %1: nothing sent to it is encrypted.</source>
        <translation>Unverschlüsseltes http zu %1 ist erlaubt: Nichts, was dorthin gesendet wird, ist verschlüsselt.</translation>
    </message>
    <message>
        <source>http</source>
        <translation>http</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>Selected account</source>
        <translation>Ausgewähltes Konto</translation>
    </message>
    <message>
        <source>Filter tokens</source>
        <translation>Token filtern</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>sign-in needed</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <source>Sign in to see this account&apos;s tokens.</source>
        <translation>Melden Sie sich an, um die Token dieses Kontos zu sehen.</translation>
    </message>
    <message>
        <source>Refreshing</source>
        <translation>Aktualisierung</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Token</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountSidebar</name>
    <message>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message>
        <source>Every token of every account (Ctrl+Shift+A)</source>
        <translation>Jedes Token jedes Kontos (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
</context>
<context>
    <name>AccountStore</name>
    <message>
        <source>The accounts file %1 is malformed; only the readable accounts were loaded.</source>
        <translation>Die Kontendatei %1 ist fehlerhaft; nur die lesbaren Konten wurden geladen.</translation>
    </message>
    <message numerus="yes">
        <source>%n account entries in %1 could not be read and were skipped.</source>
        <translation>
            <numerusform>%n Konteneintrag in %1 konnte nicht gelesen werden und wurde übersprungen.</numerusform>
            <numerusform>%n Konteneinträge in %1 konnten nicht gelesen werden und wurden übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot create the configuration folder %1.</source>
        <translation>Der Konfigurationsordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write the accounts file %1.</source>
        <translation>Die Kontendatei %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Cannot read back the accounts file %1.</source>
        <translation>Die Kontendatei %1 kann nicht zurückgelesen werden.</translation>
    </message>
    <message>
        <source>Cannot save the accounts file %1: %2</source>
        <translation>Die Kontendatei %1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The account has no id or no service.</source>
        <translation>Das Konto hat keine ID oder keinen Dienst.</translation>
    </message>
    <message>
        <source>An account with this id already exists.</source>
        <translation>Ein Konto mit dieser ID existiert bereits.</translation>
    </message>
    <message>
        <source>An account named &quot;%1&quot; already exists.</source>
        <translation>Ein Konto namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>There is no such account.</source>
        <translation>Dieses Konto gibt es nicht.</translation>
    </message>
</context>
<context>
    <name>AccountTokens</name>
    <message>
        <source>This account&apos;s service is not supported by this build.</source>
        <translation>Der Dienst dieses Kontos wird von diesem Build nicht unterstützt.</translation>
    </message>
    <message>
        <source>Reading credentials failed: %1</source>
        <translation>Lesen der Zugangsdaten fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Not signed in: sign in to this account to see its tokens.</source>
        <translation>Nicht angemeldet: Melden Sie sich bei diesem Konto an, um seine Token zu sehen.</translation>
    </message>
</context>
<context>
    <name>AccountsRefresher</name>
    <message>
        <source>Refresh failed.</source>
        <translation>Aktualisierung fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>AlertCenter</name>
    <message numerus="yes">
        <source>%n token(s) expiring or expired</source>
        <translation>
            <numerusform>%n Token läuft ab oder ist abgelaufen</numerusform>
            <numerusform>%n Token laufen ab oder sind abgelaufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) expiring soon</source>
        <translation>
            <numerusform>%n Token läuft bald ab</numerusform>
            <numerusform>%n Token laufen bald ab</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…und %n weiterer.</numerusform>
            <numerusform>…und %n weitere.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AllAccountsView</name>
    <message>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message>
        <source>Filter tokens of all accounts</source>
        <translation>Token aller Konten filtern</translation>
    </message>
    <message>
        <source>Refresh All</source>
        <translation>Alle aktualisieren</translation>
    </message>
    <message>
        <source>Refresh all accounts</source>
        <translation>Alle Konten aktualisieren</translation>
    </message>
    <message>
        <source>Refresh every account (F5)</source>
        <translation>Jedes Konto aktualisieren (F5)</translation>
    </message>
    <message>
        <source>Refresh status of the accounts</source>
        <translation>Aktualisierungsstatus der Konten</translation>
    </message>
    <message>
        <source>Tokens of all accounts</source>
        <translation>Token aller Konten</translation>
    </message>
    <message>
        <source>(removed account)</source>
        <translation>(entferntes Konto)</translation>
    </message>
    <message>
        <source>Loading: %1</source>
        <translation>Wird geladen: %1</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message numerus="yes">
        <source>Not signed in: %1. Sign in to see their tokens.</source>
        <translation>
            <numerusform>Nicht angemeldet: %1. Melden Sie sich an, um seine Token zu sehen.</numerusform>
            <numerusform>Nicht angemeldet: %1. Melden Sie sich an, um ihre Token zu sehen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The reply is empty.</source>
        <translation>Die Antwort ist leer.</translation>
    </message>
    <message>
        <source>The reply is not JSON: %1 at offset %2.</source>
        <translation>Die Antwort ist kein JSON: %1 an Position %2.</translation>
    </message>
    <message>
        <source>The server address is not a valid URL.</source>
        <translation>Die Serveradresse ist keine gültige URL.</translation>
    </message>
    <message>
        <source>The server redirected the request too many times.</source>
        <translation>Der Server hat die Anfrage zu oft umgeleitet.</translation>
    </message>
    <message>
        <source>No error.</source>
        <translation>Kein Fehler.</translation>
    </message>
    <message>
        <source>Could not reach the server. Check the address and the network connection.</source>
        <translation>Der Server ist nicht erreichbar. Prüfen Sie die Adresse und die Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The secure connection could not be established: the server&apos;s certificate is not trusted.</source>
        <translation>Die sichere Verbindung konnte nicht hergestellt werden: Dem Zertifikat des Servers wird nicht vertraut.</translation>
    </message>
    <message>
        <source>Plain http is only allowed for this computer (localhost); use https for other hosts.</source>
        <translation>Einfaches http ist nur für diesen Computer (localhost) erlaubt; verwenden Sie https für andere Hosts.</translation>
    </message>
    <message>
        <source>The server redirected the request to another address, which TokenDesk does not follow.</source>
        <translation>Der Server hat die Anfrage an eine andere Adresse umgeleitet, der TokenDesk nicht folgt.</translation>
    </message>
    <message>
        <source>The server&apos;s reply was too large.</source>
        <translation>Die Antwort des Servers war zu groß.</translation>
    </message>
    <message>
        <source>The server rejected the request as invalid.</source>
        <translation>Der Server hat die Anfrage als ungültig abgelehnt.</translation>
    </message>
    <message>
        <source>The server refused the credentials. Sign in again.</source>
        <translation>Der Server hat die Zugangsdaten abgelehnt. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The account is not allowed to do this. Check its permissions.</source>
        <translation>Das Konto darf dies nicht tun. Prüfen Sie seine Berechtigungen.</translation>
    </message>
    <message>
        <source>The server could not find what was asked for.</source>
        <translation>Der Server konnte das Angeforderte nicht finden.</translation>
    </message>
    <message>
        <source>The server does not allow this operation here.</source>
        <translation>Der Server erlaubt diesen Vorgang hier nicht.</translation>
    </message>
    <message>
        <source>The request conflicts with the current state on the server.</source>
        <translation>Die Anfrage steht im Widerspruch zum aktuellen Zustand auf dem Server.</translation>
    </message>
    <message>
        <source>The server did not accept some of the values.</source>
        <translation>Der Server hat einige der Werte nicht akzeptiert.</translation>
    </message>
    <message>
        <source>Too many requests. Wait a moment and try again.</source>
        <translation>Zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server had an internal error (HTTP %1).</source>
        <translation>Interner Fehler auf dem Server (HTTP %1).</translation>
    </message>
    <message>
        <source>The server had an internal error (HTTP 5xx).</source>
        <translation>Interner Fehler auf dem Server (HTTP 5xx).</translation>
    </message>
    <message>
        <source>The server&apos;s reply could not be read.</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>This feature is not available on this server.</source>
        <translation>Diese Funktion ist auf diesem Server nicht verfügbar.</translation>
    </message>
    <message>
        <source>This service does not support this operation.</source>
        <translation>Dieser Dienst unterstützt diesen Vorgang nicht.</translation>
    </message>
    <message>
        <source>Signing in needs a one-time passcode.</source>
        <translation>Die Anmeldung erfordert einen Einmal-Code.</translation>
    </message>
    <message>
        <source>The system keychain could not store or read the secret.</source>
        <translation>Der System-Schlüsselbund konnte das Geheimnis nicht speichern oder lesen.</translation>
    </message>
    <message>
        <source>Some of the values entered are not valid.</source>
        <translation>Einige der eingegebenen Werte sind ungültig.</translation>
    </message>
    <message>
        <source>TokenDesk could not read or write its local data.</source>
        <translation>TokenDesk konnte seine lokalen Daten nicht lesen oder schreiben.</translation>
    </message>
    <message>
        <source>The server answered with an unexpected status (HTTP %1).</source>
        <translation>Der Server hat mit einem unerwarteten Status geantwortet (HTTP %1).</translation>
    </message>
    <message>
        <source>An unexpected error occurred.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (Server: %2)</source>
        <translation>%1 (Server: %2)</translation>
    </message>
    <message>
        <source>No answer from %1 before the time allowed for this operation ran out.</source>
        <translation>Keine Antwort von %1, bevor die für diesen Vorgang erlaubte Zeit abgelaufen war.</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Cannot write the audit log: %1</source>
        <translation>Das Prüfprotokoll kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the audit log: %1</source>
        <translation>Das Prüfprotokoll kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Audit Log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Account filter</source>
        <translation>Kontofilter</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message>
        <source>Action filter</source>
        <translation>Aktionsfilter</translation>
    </message>
    <message>
        <source>Outcome filter</source>
        <translation>Ergebnisfilter</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Beliebiges Ergebnis</translation>
    </message>
    <message>
        <source>&amp;Since</source>
        <translation>&amp;Seit</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <source>A&amp;ction:</source>
        <translation>A&amp;ktion:</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Ergebnis:</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Protokolleinträge</translation>
    </message>
    <message>
        <source>Newest first. Entries of one grouped action share a group.</source>
        <translation>Neueste zuerst. Einträge einer gruppierten Aktion teilen sich eine Gruppe.</translation>
    </message>
    <message>
        <source>Number of entries</source>
        <translation>Anzahl der Einträge</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Beliebige Aktion</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export Audit Log</source>
        <translation>Prüfprotokoll exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Token or target</source>
        <translation>Token oder Ziel</translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <source>%1
Group id: %2</source>
        <translation>%1
Gruppen-ID: %2</translation>
    </message>
    <message>
        <source>Find in the audit log</source>
        <translation>Im Prüfprotokoll suchen</translation>
    </message>
    <message>
        <source>Find a token, account or detail</source>
        <translation>Token, Konto oder Detail suchen</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Suchen:</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <source>Created token</source>
        <translation>Token erstellt</translation>
    </message>
    <message>
        <source>Revoked token</source>
        <translation>Token widerrufen</translation>
    </message>
    <message>
        <source>Revoked (bulk)</source>
        <translation>Widerrufen (Massenwiderruf)</translation>
    </message>
    <message>
        <source>Revoked all tokens of a subject</source>
        <translation>Alle Token eines Subjekts widerrufen</translation>
    </message>
    <message>
        <source>Revoked all of a subject (bulk)</source>
        <translation>Alle Token eines Subjekts widerrufen (Massenwiderruf)</translation>
    </message>
    <message>
        <source>Expired all tokens of an application</source>
        <translation>Alle Token einer Anwendung ablaufen lassen</translation>
    </message>
    <message>
        <source>Expired all of an application (bulk)</source>
        <translation>Alle Token einer Anwendung ablaufen lassen (Massenwiderruf)</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Signed in with MFA</source>
        <translation>Mit MFA angemeldet</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Signed out a token</source>
        <translation>Token abgemeldet</translation>
    </message>
    <message>
        <source>Bulk revoke</source>
        <translation>Massenwiderruf</translation>
    </message>
    <message>
        <source>Revoke everything for a subject</source>
        <translation>Alles für ein Subjekt widerrufen</translation>
    </message>
    <message>
        <source>Opened dashboard access</source>
        <translation>Dashboard-Zugang geöffnet</translation>
    </message>
    <message>
        <source>Exchanged a one-time token</source>
        <translation>Einmal-Token eingelöst</translation>
    </message>
    <message>
        <source>Added account</source>
        <translation>Konto hinzugefügt</translation>
    </message>
    <message>
        <source>Removed account</source>
        <translation>Konto entfernt</translation>
    </message>
    <message>
        <source>Allowed plain http</source>
        <translation>Unverschlüsseltes http erlaubt</translation>
    </message>
    <message>
        <source>Stopped allowing plain http</source>
        <translation>Unverschlüsseltes http nicht mehr erlaubt</translation>
    </message>
    <message numerus="yes">
        <source>Bulk revoke of %n token(s), %1</source>
        <translation>
            <numerusform>Massenwiderruf von %n Token, %1</numerusform>
            <numerusform>Massenwiderruf von %n Token, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke everything for a subject, %n step(s), %1</source>
        <translation>
            <numerusform>Alles für ein Subjekt widerrufen, %n Schritt, %1</numerusform>
            <numerusform>Alles für ein Subjekt widerrufen, %n Schritte, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n step(s), %2</source>
        <translation>
            <numerusform>%1, %n Schritt, %2</numerusform>
            <numerusform>%1, %n Schritte, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Command Palette</source>
        <translation>Befehlspalette</translation>
    </message>
    <message>
        <source>Type an action or an account…</source>
        <translation>Aktion oder Konto eingeben…</translation>
    </message>
    <message>
        <source>Search actions and accounts</source>
        <translation>Aktionen und Konten suchen</translation>
    </message>
    <message>
        <source>Matching actions and accounts</source>
        <translation>Passende Aktionen und Konten</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Not available now.</source>
        <translation>Gerade nicht verfügbar.</translation>
    </message>
    <message>
        <source>“%1” is not available now.</source>
        <translation>„%1“ ist gerade nicht verfügbar.</translation>
    </message>
    <message>
        <source>“%1” is not available: %2</source>
        <translation>„%1“ ist nicht verfügbar: %2</translation>
    </message>
</context>
<context>
    <name>CreateTokenDialog</name>
    <message>
        <source>Create token</source>
        <translation>Token erstellen</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird erstellt…</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is not available.</source>
        <translation>Der SQLite-Treiber für Qt ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>Die Datenbank %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot configure the database %1: %2</source>
        <translation>Die Datenbank %1 kann nicht eingerichtet werden: %2</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer version of TokenDesk (schema %2, this version knows %3).</source>
        <translation>Die Datenbank %1 wurde von einer neueren TokenDesk-Version geschrieben (Schema %2, diese Version kennt %3).</translation>
    </message>
    <message>
        <source>Cannot start a transaction: %1</source>
        <translation>Eine Transaktion kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Cannot update the database to schema %1: %2</source>
        <translation>Die Datenbank kann nicht auf Schema %1 aktualisiert werden: %2</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>&quot;%1&quot; is not a lifetime TokenDesk understands.</source>
        <translation>„%1“ ist keine Laufzeit, die TokenDesk versteht.</translation>
    </message>
    <message>
        <source>too long for a duration</source>
        <translation>zu lang für eine Dauer</translation>
    </message>
    <message>
        <source>a duration must be on one line</source>
        <translation>eine Dauer muss in einer Zeile stehen</translation>
    </message>
    <message>
        <source>enter a duration, e.g. 6 hours</source>
        <translation>geben Sie eine Dauer ein, z. B. 6 Stunden</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>too long: at most %1 weeks</source>
        <translation>zu lang: höchstens %1 Wochen</translation>
    </message>
    <message>
        <source>0 seconds</source>
        <translation>0 Sekunden</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 Stunden</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 Minuten</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>1 Sekunde</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 Sekunden</translation>
    </message>
    <message>
        <source>add a unit, e.g. %1 seconds</source>
        <translation>geben Sie eine Einheit an, z. B. %1 Sekunden</translation>
    </message>
    <message>
        <source>write the number in digits with a unit, e.g. 6 hours</source>
        <translation>schreiben Sie die Zahl in Ziffern mit einer Einheit, z. B. 6 Stunden</translation>
    </message>
    <message>
        <source>clock forms are MM:SS, H:MM:SS, D:HH:MM:SS or :SS</source>
        <translation>Uhrzeitformen sind MM:SS, H:MM:SS, D:HH:MM:SS oder :SS</translation>
    </message>
    <message>
        <source>not a duration: give units from largest to smallest, each once, e.g. 6 hours, 1h30m, 2 days 3 hours or 1:30:00</source>
        <translation>keine Dauer: geben Sie die Einheiten von der größten zur kleinsten an, jede einmal, z. B. 6 Stunden, 1h30m, 2 Tage 3 Stunden oder 1:30:00</translation>
    </message>
    <message>
        <source>years and months come first, each once, e.g. 1 year 2 months 3 days</source>
        <translation>Jahre und Monate stehen vorne, jeweils einmal, z. B. 1 year 2 months 3 days</translation>
    </message>
    <message>
        <source>unknown unit &quot;%1&quot;: use years, months, weeks, days, hours, minutes or seconds</source>
        <translation>unbekannte Einheit „%1“: verwenden Sie Jahre, Monate, Wochen, Tage, Stunden, Minuten oder Sekunden</translation>
    </message>
</context>
<context>
    <name>EmptyStateOverlay</name>
    <message>
        <source>Empty table</source>
        <translation>Leere Tabelle</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>EmptyStates</name>
    <message>
        <source>No token matches the filter.</source>
        <translation>Kein Token passt zum Filter.</translation>
    </message>
    <message>
        <source>No token matches “%1”.</source>
        <translation>Kein Token passt zu „%1“.</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>Filter leeren</translation>
    </message>
    <message>
        <source>No tokens yet.</source>
        <translation>Noch keine Token.</translation>
    </message>
    <message>
        <source>No accounts yet.</source>
        <translation>Noch keine Konten.</translation>
    </message>
    <message>
        <source>No account has a token yet.</source>
        <translation>Noch hat kein Konto ein Token.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>Last refresh</source>
        <translation>Letzte Aktualisierung</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Last refresh: %1</source>
        <translation>Letzte Aktualisierung: %1</translation>
    </message>
    <message>
        <source>sign-in needed</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
    <message>
        <source>%1: not available on this server.</source>
        <translation>%1: auf diesem Server nicht verfügbar.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>not available on this server</source>
        <translation>auf diesem Server nicht verfügbar</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>last error: %1</source>
        <translation>letzter Fehler: %1</translation>
    </message>
    <message>
        <source>TokenDesk</source>
        <translation>TokenDesk</translation>
    </message>
</context>
<context>
    <name>ExpireAllDialog</name>
    <message>
        <source>Expire all tokens</source>
        <translation>Alle Token ablaufen lassen</translation>
    </message>
    <message>
        <source>Application id, e.g. app_1srOrx2ZWZBpBUvZwXKQmoEYga2</source>
        <translation>Anwendungs-ID, z. B. app_1srOrx2ZWZBpBUvZwXKQmoEYga2</translation>
    </message>
    <message>
        <source>&amp;Application:</source>
        <translation>&amp;Anwendung:</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>&amp;Grace period:</source>
        <translation>&amp;Karenzzeit:</translation>
    </message>
    <message>
        <source>Optional: session ids, one per line (empty = all sessions)</source>
        <translation>Optional: Sitzungs-IDs, eine pro Zeile (leer = alle Sitzungen)</translation>
    </message>
    <message>
        <source>&amp;Sessions:</source>
        <translation>&amp;Sitzungen:</translation>
    </message>
    <message>
        <source>Choose or type an application id.</source>
        <translation>Wählen Sie eine Anwendungs-ID oder geben Sie sie ein.</translation>
    </message>
    <message>
        <source>An application id has no spaces.</source>
        <translation>Eine Anwendungs-ID enthält keine Leerzeichen.</translation>
    </message>
    <message>
        <source>The grace period can be at most 72 hours.</source>
        <translation>Die Karenzzeit darf höchstens 72 Stunden betragen.</translation>
    </message>
    <message>
        <source>Not a valid session id (letters, digits, @, _ and -, at most 64): %1</source>
        <translation>Keine gültige Sitzungs-ID (Buchstaben, Ziffern, @, _ und -, höchstens 64): %1</translation>
    </message>
    <message>
        <source>(no application)</source>
        <translation>(keine Anwendung)</translation>
    </message>
    <message>
        <source>immediately</source>
        <translation>sofort</translation>
    </message>
    <message>
        <source>after a grace period of %1</source>
        <translation>nach einer Karenzzeit von %1</translation>
    </message>
    <message>
        <source>Every token of application “%1” will expire %2, for all sessions.</source>
        <translation>Jedes Token der Anwendung „%1“ läuft %2 ab, für alle Sitzungen.</translation>
    </message>
    <message numerus="yes">
        <source>The tokens of %n session(s) (%1) of application “%2” will expire %3.</source>
        <translation>
            <numerusform>Die Token von %n Sitzung (%1) der Anwendung „%2“ laufen %3 ab.</numerusform>
            <numerusform>Die Token von %n Sitzungen (%1) der Anwendung „%2“ laufen %3 ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>Expire All Tokens</source>
        <translation>Alle Token ablaufen lassen</translation>
    </message>
    <message>
        <source>the application id</source>
        <translation>die Anwendungs-ID</translation>
    </message>
    <message numerus="yes">
        <source>Expire Tokens of %n Session(s)</source>
        <translation>
            <numerusform>Token von %n Sitzung ablaufen lassen</numerusform>
            <numerusform>Token von %n Sitzungen ablaufen lassen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpiryAlertMonitor</name>
    <message>
        <source>Token expired</source>
        <translation>Token abgelaufen</translation>
    </message>
    <message>
        <source>Token expiring soon</source>
        <translation>Token läuft bald ab</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%2) has expired.</source>
        <translation>„%1“ (%2) ist abgelaufen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%2) expires in %3.</source>
        <translation>„%1“ (%2) läuft in %3 ab.</translation>
    </message>
</context>
<context>
    <name>ExpiryBanner</name>
    <message>
        <source>Expiring tokens</source>
        <translation>Ablaufende Token</translation>
    </message>
    <message>
        <source>Tokens that expire in the next 24 hours and the next 7 days</source>
        <translation>Token, die in den nächsten 24 Stunden und den nächsten 7 Tagen ablaufen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Expiring in the next 24 hours: %1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;Läuft in den nächsten 24 Stunden ab: %1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;In the next 7 days: %1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;In den nächsten 7 Tagen: %1&lt;/b&gt; — %2</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n weiterer</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpiryCalendar</name>
    <message>
        <source>TokenDesk token expiries</source>
        <translation>TokenDesk: Ablauf von Tokens</translation>
    </message>
    <message>
        <source>Token &quot;%1&quot; expires (%2)</source>
        <translation>Token „%1“ läuft ab (%2)</translation>
    </message>
    <message>
        <source>Account: %1 (%2)</source>
        <translation>Konto: %1 (%2)</translation>
    </message>
    <message>
        <source>Token: %1</source>
        <translation>Token: %1</translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>Art: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Subjekt: %1</translation>
    </message>
    <message>
        <source>Expires: %1</source>
        <translation>Läuft ab: %1</translation>
    </message>
</context>
<context>
    <name>ExpiryCalendarDialog</name>
    <message>
        <source>Export Expiry Calendar</source>
        <translation>Ablaufkalender exportieren</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Tokens expiring within</source>
        <translation>Tokens, die ablaufen innerhalb von</translation>
    </message>
    <message>
        <source>Tokens expiring within:</source>
        <translation>Tokens, die ablaufen innerhalb von:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 before each expiry</source>
        <translation>%1 vor jedem Ablauf</translation>
    </message>
    <message>
        <source>Reminders:</source>
        <translation>Erinnerungen:</translation>
    </message>
    <message>
        <source>Calendar file</source>
        <translation>Kalenderdatei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Exportstatus</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar-Dateien (*.ics)</translation>
    </message>
    <message>
        <source>Listing the accounts…</source>
        <translation>Konten werden abgefragt…</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n expiry event(s) to %1.</source>
        <translation>
            <numerusform>%n Ablauftermin nach %1 geschrieben.</numerusform>
            <numerusform>%n Ablauftermine nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Not included: %1 (%2)</source>
        <translation>Nicht enthalten: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>One per line</source>
        <translation>Eine pro Zeile</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 ist erforderlich.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s).</source>
        <translation>
            <numerusform>Höchstens %n Zeichen.</numerusform>
            <numerusform>Höchstens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter an email address like name@example.com.</source>
        <translation>Geben Sie eine E-Mail-Adresse wie name@example.com ein.</translation>
    </message>
    <message>
        <source>Enter a full address starting with https://.</source>
        <translation>Geben Sie eine vollständige Adresse ein, die mit https:// beginnt.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Geben Sie eine ganze Zahl ein.</translation>
    </message>
    <message>
        <source>Must be at least %1.</source>
        <translation>Muss mindestens %1 sein.</translation>
    </message>
    <message>
        <source>Must be at most %1.</source>
        <translation>Darf höchstens %1 sein.</translation>
    </message>
    <message>
        <source>Enter a duration like &quot;6 hours&quot; or &quot;1h30m&quot;.</source>
        <translation>Geben Sie eine Dauer wie „6 hours“ oder „1h30m“ ein.</translation>
    </message>
    <message>
        <source>Choose one of the listed values.</source>
        <translation>Wählen Sie einen der aufgeführten Werte.</translation>
    </message>
    <message>
        <source>Expires on %1 at %2</source>
        <translation>Läuft ab am %1 um %2</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>Kein Ablauf</translation>
    </message>
    <message>
        <source>%1 as text</source>
        <translation>%1 als Text</translation>
    </message>
    <message>
        <source>e.g. 1h30m, 2 days, 3 months</source>
        <translation>z. B. 1h30m, 2 days, 3 months</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
    <message>
        <source>%1 until a date and time</source>
        <translation>%1 bis zu Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>The token expires at this local date and time.</source>
        <translation>Das Token läuft zu diesem lokalen Datum und dieser Uhrzeit ab.</translation>
    </message>
    <message numerus="yes">
        <source>Type a lifetime or pick a date. A month counts as %n days, </source>
        <translation>
            <numerusform>Geben Sie eine Laufzeit ein oder wählen Sie ein Datum. Ein Monat zählt %n Tag, </numerusform>
            <numerusform>Geben Sie eine Laufzeit ein oder wählen Sie ein Datum. Ein Monat zählt %n Tage, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>a year as %n days.</source>
        <translation>
            <numerusform>ein Jahr %n Tag.</numerusform>
            <numerusform>ein Jahr %n Tage.</numerusform>
        </translation>
    </message>
    <message>
        <source>The token does not expire.</source>
        <translation>Das Token läuft nicht ab.</translation>
    </message>
    <message>
        <source>Longer than a year: if this token leaks, it stays usable that long. A shorter lifetime is safer.</source>
        <translation>Länger als ein Jahr: Gerät dieses Token in falsche Hände, bleibt es so lange nutzbar. Eine kürzere Laufzeit ist sicherer.</translation>
    </message>
</context>
<context>
    <name>HelpCommands</name>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Open the selected token&apos;s details</source>
        <translation>Details des ausgewählten Tokens öffnen</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Den Filter leeren</translation>
    </message>
</context>
<context>
    <name>IdentifyTokenDialog</name>
    <message>
        <source>Identify a Token</source>
        <translation>Token identifizieren</translation>
    </message>
    <message>
        <source>Paste a token value to find out whose it is. TokenDesk compares its fingerprint and its claims with the tokens it created and with every account&apos;s current list; the value is wiped at once and never stored.</source>
        <translation>Fügen Sie einen Token-Wert ein, um herauszufinden, wem er gehört. TokenDesk vergleicht seinen Fingerabdruck und seine Claims mit den Tokens, die es erstellt hat, und mit der aktuellen Liste jedes Kontos; der Wert wird sofort gelöscht und nie gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Matching tokens</source>
        <translation>Passende Tokens</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>How sure</source>
        <translation>Wie sicher</translation>
    </message>
    <message>
        <source>&amp;Identify</source>
        <translation>&amp;Identifizieren</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>Revoke the selected token through its account</source>
        <translation>Das gewählte Token über sein Konto widerrufen</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>No keychain: only the token&apos;s claims are compared.</source>
        <translation>Kein Schlüsselbund: nur die Claims des Tokens werden verglichen.</translation>
    </message>
    <message>
        <source>The fingerprint key could not be read (%1): only the token&apos;s claims are compared.</source>
        <translation>Der Fingerabdruck-Schlüssel konnte nicht gelesen werden (%1): nur die Claims des Tokens werden verglichen.</translation>
    </message>
    <message>
        <source>— not in the current list</source>
        <translation>– nicht in der aktuellen Liste</translation>
    </message>
    <message>
        <source>No token of any account matches this value.</source>
        <translation>Kein Token eines Kontos passt zu diesem Wert.</translation>
    </message>
    <message numerus="yes">
        <source>%n matching token(s).</source>
        <translation>
            <numerusform>%n passendes Token.</numerusform>
            <numerusform>%n passende Tokens.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not checked: %1 (%2)</source>
        <translation>Nicht geprüft: %1 (%2)</translation>
    </message>
    <message>
        <source>Revoke Token</source>
        <translation>Token widerrufen</translation>
    </message>
    <message>
        <source>Revoke “%1” of %2?</source>
        <translation>„%1“ von %2 widerrufen?</translation>
    </message>
    <message>
        <source>Revoking…</source>
        <translation>Wird widerrufen…</translation>
    </message>
    <message>
        <source>— revoked</source>
        <translation>– widerrufen</translation>
    </message>
    <message>
        <source>Revoked “%1”.</source>
        <translation>„%1“ widerrufen.</translation>
    </message>
    <message>
        <source>Could not revoke “%1”: %2</source>
        <translation>„%1“ konnte nicht widerrufen werden: %2</translation>
    </message>
</context>
<context>
    <name>Jwt</name>
    <message>
        <source>the token is too large (more than %1 KiB)</source>
        <translation>das Token ist zu groß (mehr als %1 KiB)</translation>
    </message>
    <message>
        <source>empty token</source>
        <translation>leeres Token</translation>
    </message>
    <message>
        <source>a JWT has three parts separated by dots</source>
        <translation>ein JWT hat drei durch Punkte getrennte Teile</translation>
    </message>
    <message>
        <source>header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>claims</source>
        <translation>Claims</translation>
    </message>
    <message>
        <source>the signature part is not base64url text</source>
        <translation>der Signaturteil ist kein base64url-Text</translation>
    </message>
    <message>
        <source>the token is not signed (alg &quot;none&quot;): anyone can forge it</source>
        <translation>das Token ist nicht signiert (alg „none“): jeder kann es fälschen</translation>
    </message>
    <message>
        <source>the header names no algorithm (alg)</source>
        <translation>der Header nennt keinen Algorithmus (alg)</translation>
    </message>
    <message>
        <source>the exp claim is not a valid date</source>
        <translation>der exp-Claim ist kein gültiges Datum</translation>
    </message>
    <message>
        <source>the token has no expiry (exp): it never expires</source>
        <translation>das Token hat kein Ablaufdatum (exp): es läuft nie ab</translation>
    </message>
    <message>
        <source>exp (%1) is before iat (%2)</source>
        <translation>exp (%1) liegt vor iat (%2)</translation>
    </message>
    <message>
        <source>nbf (%1) is after exp (%2): the token is never valid</source>
        <translation>nbf (%1) liegt nach exp (%2): das Token ist nie gültig</translation>
    </message>
    <message>
        <source>the token expired at %1</source>
        <translation>das Token ist am %1 abgelaufen</translation>
    </message>
    <message>
        <source>the %1 part is empty</source>
        <translation>der Teil %1 ist leer</translation>
    </message>
    <message>
        <source>the %1 part is not base64url text</source>
        <translation>der Teil %1 ist kein base64url-Text</translation>
    </message>
    <message>
        <source>the %1 part is not JSON (%2)</source>
        <translation>der Teil %1 ist kein JSON (%2)</translation>
    </message>
    <message>
        <source>the %1 part is not a JSON object</source>
        <translation>der Teil %1 ist kein JSON-Objekt</translation>
    </message>
</context>
<context>
    <name>JwtInspectorDialog</name>
    <message>
        <source>%1 (%2 ms)</source>
        <translation>%1 (%2 ms)</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>JWT inspector</source>
        <translation>JWT-Inspektor</translation>
    </message>
    <message>
        <source>Paste a JWT (eyJ…)</source>
        <translation>JWT einfügen (eyJ…)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Header:</source>
        <translation>Header:</translation>
    </message>
    <message>
        <source>Claims:</source>
        <translation>Claims:</translation>
    </message>
    <message>
        <source>Server&apos;s view</source>
        <translation>Sicht des Servers</translation>
    </message>
    <message>
        <source>Not a readable JWT: %1</source>
        <translation>Kein lesbares JWT: %1</translation>
    </message>
    <message>
        <source>Expires: %1 (in %2)</source>
        <translation>Läuft ab: %1 (in %2)</translation>
    </message>
    <message>
        <source>Expired: %1 (%2 ago)</source>
        <translation>Abgelaufen: %1 (vor %2)</translation>
    </message>
    <message>
        <source>Expires: never (no exp claim)</source>
        <translation>Läuft ab: nie (kein exp-Claim)</translation>
    </message>
    <message>
        <source>Issued at: %1</source>
        <translation>Ausgestellt: %1</translation>
    </message>
    <message>
        <source>Not before: %1</source>
        <translation>Nicht vor: %1</translation>
    </message>
    <message>
        <source>JWT id (jti): %1</source>
        <translation>JWT-ID (jti): %1</translation>
    </message>
    <message>
        <source>Subject (sub): %1</source>
        <translation>Subjekt (sub): %1</translation>
    </message>
    <message>
        <source>Algorithm: %1 (signature not verified)</source>
        <translation>Algorithmus: %1 (Signatur nicht geprüft)</translation>
    </message>
    <message>
        <source>Expires (server)</source>
        <translation>Läuft ab (Server)</translation>
    </message>
</context>
<context>
    <name>KeychainBar</name>
    <message>
        <source>No keychain is available: passwords and keys are kept in memory for this session only and must be entered again next time.</source>
        <translation>Kein Schlüsselbund verfügbar: Passwörter und Schlüssel werden nur für diese Sitzung im Speicher gehalten und müssen beim nächsten Mal erneut eingegeben werden.</translation>
    </message>
    <message>
        <source>Keychain warning</source>
        <translation>Schlüsselbund-Warnung</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Dismiss the keychain warning</source>
        <translation>Schlüsselbund-Warnung ausblenden</translation>
    </message>
</context>
<context>
    <name>LeakScanDialog</name>
    <message>
        <source>Scan for Leaked Tokens</source>
        <translation>Nach geleakten Tokens suchen</translation>
    </message>
    <message>
        <source>Looks through the folders and files you add (.env files, shell histories, configuration, working trees) for tokens TokenDesk created. Findings are shown as file and line, never the value. Binary files and files over the size limit are skipped.</source>
        <translation>Durchsucht die Ordner und Dateien, die Sie hinzufügen (.env-Dateien, Shell-Verläufe, Konfiguration, Arbeitsverzeichnisse), nach Tokens, die TokenDesk erstellt hat. Funde werden als Datei und Zeile gezeigt, nie als Wert. Binärdateien und Dateien über der Größengrenze werden übersprungen.</translation>
    </message>
    <message>
        <source>Folders and files to scan</source>
        <translation>Zu durchsuchende Ordner und Dateien</translation>
    </message>
    <message>
        <source>Add &amp;Folder…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Add F&amp;iles…</source>
        <translation>Dat&amp;eien hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Skip files larger than</source>
        <translation>Dateien überspringen, die größer sind als</translation>
    </message>
    <message>
        <source>Skip files larger than:</source>
        <translation>Dateien überspringen, größer als:</translation>
    </message>
    <message>
        <source>Scan progress</source>
        <translation>Suchfortschritt</translation>
    </message>
    <message>
        <source>Scan status</source>
        <translation>Suchstatus</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Funde</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Fundort</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Account or where to revoke</source>
        <translation>Konto oder wo widerrufen</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Cancel Scan</source>
        <translation>Suche &amp;abbrechen</translation>
    </message>
    <message>
        <source>Add to &amp;Notes</source>
        <translation>Zu &amp;Notizen hinzufügen</translation>
    </message>
    <message>
        <source>Write “seen at file:line” into the notes of the selected tokens</source>
        <translation>„gesehen in Datei:Zeile“ in die Notizen der gewählten Tokens schreiben</translation>
    </message>
    <message>
        <source>Add a Folder to Scan</source>
        <translation>Zu durchsuchenden Ordner hinzufügen</translation>
    </message>
    <message>
        <source>Add Files to Scan</source>
        <translation>Zu durchsuchende Dateien hinzufügen</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>No keychain: tokens TokenDesk created cannot be recognised.</source>
        <translation>Kein Schlüsselbund: von TokenDesk erstellte Tokens können nicht erkannt werden.</translation>
    </message>
    <message>
        <source>The fingerprint key could not be read (%1): only other services&apos; credentials are found.</source>
        <translation>Der Fingerabdruck-Schlüssel konnte nicht gelesen werden (%1): nur Zugangsdaten anderer Dienste werden gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) read, %1 MB</source>
        <translation>
            <numerusform>%n Datei gelesen, %1 MB</numerusform>
            <numerusform>%n Dateien gelesen, %1 MB</numerusform>
        </translation>
    </message>
    <message>
        <source>(removed account)</source>
        <translation>(entferntes Konto)</translation>
    </message>
    <message>
        <source>not TokenDesk&apos;s: %1</source>
        <translation>nicht von TokenDesk: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) read</source>
        <translation>
            <numerusform>%n Datei gelesen</numerusform>
            <numerusform>%n Dateien gelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message numerus="yes">
        <source>%n skipped (binary or too large)</source>
        <translation>
            <numerusform>%n übersprungen (binär oder zu groß)</numerusform>
            <numerusform>%n übersprungen (binär oder zu groß)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) TokenDesk created found</source>
        <translation>
            <numerusform>%n von TokenDesk erstelltes Token gefunden</numerusform>
            <numerusform>%n von TokenDesk erstellte Tokens gefunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) of other services</source>
        <translation>
            <numerusform>%n Zugangsdatum anderer Dienste</numerusform>
            <numerusform>%n Zugangsdaten anderer Dienste</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: the findings above are from the files read before.</source>
        <translation>Abgebrochen: die Funde oben stammen aus den bis dahin gelesenen Dateien.</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) updated.</source>
        <translation>
            <numerusform>%n Notiz aktualisiert.</numerusform>
            <numerusform>%n Notizen aktualisiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeakScanner</name>
    <message>
        <source>GitHub fine-grained personal access token</source>
        <translation>Feingranulares persönliches Zugriffstoken von GitHub</translation>
    </message>
    <message>
        <source>GitHub → Settings → Developer settings → Fine-grained tokens (https://github.com/settings/personal-access-tokens), or DELETE /credentials/revoke</source>
        <translation>GitHub → Settings → Developer settings → Fine-grained tokens (https://github.com/settings/personal-access-tokens), oder DELETE /credentials/revoke</translation>
    </message>
    <message>
        <source>GitHub personal access token (classic)</source>
        <translation>Persönliches Zugriffstoken von GitHub (klassisch)</translation>
    </message>
    <message>
        <source>GitHub → Settings → Developer settings → Tokens (classic) (https://github.com/settings/tokens), or DELETE /credentials/revoke</source>
        <translation>GitHub → Settings → Developer settings → Tokens (classic) (https://github.com/settings/tokens), oder DELETE /credentials/revoke</translation>
    </message>
    <message>
        <source>GitLab personal access token</source>
        <translation>Persönliches Zugriffstoken von GitLab</translation>
    </message>
    <message>
        <source>GitLab → Preferences → Access tokens → Revoke, or DELETE /api/v4/personal_access_tokens/self with the token</source>
        <translation>GitLab → Preferences → Access tokens → Revoke, oder DELETE /api/v4/personal_access_tokens/self mit dem Token</translation>
    </message>
    <message>
        <source>HashiCorp Vault service token</source>
        <translation>Service-Token von HashiCorp Vault</translation>
    </message>
    <message>
        <source>vault token revoke -accessor ACCESSOR, or POST /v1/auth/token/revoke-self with the token</source>
        <translation>vault token revoke -accessor ACCESSOR, oder POST /v1/auth/token/revoke-self mit dem Token</translation>
    </message>
    <message>
        <source>seen at %1 (%2)</source>
        <translation>gesehen in %1 (%2)</translation>
    </message>
    <message>
        <source>seen at %1</source>
        <translation>gesehen in %1</translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <source>A ledger entry needs an account.</source>
        <translation>Ein Eintrag im Register braucht ein Konto.</translation>
    </message>
    <message>
        <source>Cannot record the token in the ledger: %1</source>
        <translation>Das Token kann nicht im Register vermerkt werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the ledger: %1</source>
        <translation>Das Register kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot update the ledger: %1</source>
        <translation>Das Register kann nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>The ledger has no unrevoked token with this id.</source>
        <translation>Das Register enthält kein nicht widerrufenes Token mit dieser ID.</translation>
    </message>
    <message>
        <source>Cannot record the notification: %1</source>
        <translation>Die Benachrichtigung kann nicht vermerkt werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the notifications: %1</source>
        <translation>Die Benachrichtigungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>A fingerprint needs an account and a value.</source>
        <translation>Ein Fingerabdruck braucht ein Konto und einen Wert.</translation>
    </message>
</context>
<context>
    <name>MagicBellDescriptor</name>
    <message>
        <source>MagicBell cloud</source>
        <translation>MagicBell-Cloud</translation>
    </message>
    <message>
        <source>Project token (JWT)</source>
        <translation>Projekt-Token (JWT)</translation>
    </message>
    <message>
        <source>A project JWT from the MagicBell dashboard (Settings, Access Tokens). It is sent as a Bearer token.</source>
        <translation>Ein Projekt-JWT aus dem MagicBell-Dashboard (Settings, Access Tokens). Es wird als Bearer-Token gesendet.</translation>
    </message>
    <message>
        <source>Project secret key</source>
        <translation>Geheimer Schlüssel des Projekts</translation>
    </message>
    <message>
        <source>The project&apos;s secret key (MagicBell dashboard, User Auth). TokenDesk signs user tokens with it; it is never sent anywhere.</source>
        <translation>Der geheime Schlüssel des Projekts (MagicBell-Dashboard, User Auth). TokenDesk signiert damit Benutzer-Token; er wird nirgendwohin gesendet.</translation>
    </message>
    <message>
        <source>Project API key</source>
        <translation>API-Schlüssel des Projekts</translation>
    </message>
    <message>
        <source>The project&apos;s API key (MagicBell dashboard, API Keys). User tokens signed by TokenDesk name it.</source>
        <translation>Der API-Schlüssel des Projekts (MagicBell-Dashboard, API Keys). Von TokenDesk signierte Benutzer-Token nennen ihn.</translation>
    </message>
</context>
<context>
    <name>MagicBellProvider</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>How long the token stays valid, such as &quot;1 hour&quot; or &quot;30 days&quot;. Empty: never expires.</source>
        <translation>Wie lange das Token gültig bleibt, z. B. „1 hour“ oder „30 days“. Leer: läuft nie ab.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>MagicBell does not offer this on this server (the JWT routes left MagicBell&apos;s API in 2025).</source>
        <translation>MagicBell bietet dies auf diesem Server nicht an (die JWT-Routen wurden 2025 aus der MagicBell-API entfernt).</translation>
    </message>
    <message>
        <source>The server created the token but the reply was lost; its value cannot be shown again — discard it and create a new one if you need the value.</source>
        <translation>Der Server hat das Token erstellt, aber die Antwort ging verloren; sein Wert kann nicht erneut angezeigt werden — verwerfen Sie es und erstellen Sie ein neues, wenn Sie den Wert brauchen.</translation>
    </message>
    <message>
        <source>Project token</source>
        <translation>Projekt-Token</translation>
    </message>
    <message>
        <source>User email</source>
        <translation>E-Mail des Benutzers</translation>
    </message>
    <message>
        <source>The user&apos;s email. Give it, the external id, or both.</source>
        <translation>Die E-Mail des Benutzers. Geben Sie sie, die externe ID oder beides an.</translation>
    </message>
    <message>
        <source>User external id</source>
        <translation>Externe ID des Benutzers</translation>
    </message>
    <message>
        <source>Your own id for the user. Use it when there is no email.</source>
        <translation>Ihre eigene ID für den Benutzer. Verwenden Sie sie, wenn es keine E-Mail gibt.</translation>
    </message>
    <message>
        <source>User token</source>
        <translation>Benutzer-Token</translation>
    </message>
    <message>
        <source>The lifetime must be at least one second.</source>
        <translation>Die Laufzeit muss mindestens eine Sekunde betragen.</translation>
    </message>
    <message>
        <source>Give the user&apos;s email, external id, or both.</source>
        <translation>Geben Sie die E-Mail des Benutzers, die externe ID oder beides an.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>„%1“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>MagicBell refused the project token: it may be wrong, expired or discarded. Enter a valid project JWT in the account settings.</source>
        <translation>MagicBell hat das Projekt-Token abgelehnt: Es ist möglicherweise falsch, abgelaufen oder verworfen. Geben Sie in den Kontoeinstellungen ein gültiges Projekt-JWT ein.</translation>
    </message>
    <message>
        <source>MagicBell does not know this token or user.</source>
        <translation>MagicBell kennt dieses Token oder diesen Benutzer nicht.</translation>
    </message>
    <message>
        <source>MagicBell reported no expiry although one was requested.</source>
        <translation>MagicBell hat kein Ablaufdatum gemeldet, obwohl eines angefordert wurde.</translation>
    </message>
    <message>
        <source>MagicBell set an expiry although none was requested.</source>
        <translation>MagicBell hat ein Ablaufdatum gesetzt, obwohl keines angefordert wurde.</translation>
    </message>
    <message>
        <source>The token has no name, so TokenDesk cannot check whether MagicBell created it; list the tokens before creating another one.</source>
        <translation>Das Token hat keinen Namen, daher kann TokenDesk nicht prüfen, ob MagicBell es erstellt hat; listen Sie die Token auf, bevor Sie ein weiteres erstellen.</translation>
    </message>
    <message>
        <source>TokenDesk could not check whether MagicBell created the token (%1); list the tokens before creating another one.</source>
        <translation>TokenDesk konnte nicht prüfen, ob MagicBell das Token erstellt hat (%1); listen Sie die Token auf, bevor Sie ein weiteres erstellen.</translation>
    </message>
    <message>
        <source>No token named &quot;%1&quot; was found on the server, so none was created.</source>
        <translation>Auf dem Server wurde kein Token namens „%1“ gefunden, es wurde also keines erstellt.</translation>
    </message>
    <message>
        <source>Token id %1, name &quot;%2&quot;</source>
        <translation>Token-ID %1, Name „%2“</translation>
    </message>
    <message>
        <source>, created %1</source>
        <translation>, erstellt %1</translation>
    </message>
    <message>
        <source>This token has no id to discard.</source>
        <translation>Dieses Token hat keine ID zum Verwerfen.</translation>
    </message>
    <message>
        <source>Page %1 of MagicBell&apos;s token list (%2) could not be read: %3</source>
        <translation>Seite %1 der Token-Liste von MagicBell (%2) konnte nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>The next-page link of page %1 of MagicBell&apos;s token list (%2) points to another server, so TokenDesk did not follow it.</source>
        <translation>Der Link zur nächsten Seite auf Seite %1 der Token-Liste von MagicBell (%2) zeigt auf einen anderen Server; TokenDesk ist ihm daher nicht gefolgt.</translation>
    </message>
    <message>
        <source>The next-page link of page %1 of MagicBell&apos;s token list (%2) repeats an earlier page.</source>
        <translation>Der Link zur nächsten Seite auf Seite %1 der Token-Liste von MagicBell (%2) wiederholt eine frühere Seite.</translation>
    </message>
    <message>
        <source>MagicBell has more tokens than TokenDesk lists at once (%1 pages). Discard unused tokens to see the rest.</source>
        <translation>MagicBell hat mehr Token, als TokenDesk auf einmal auflistet (%1 Seiten). Verwerfen Sie ungenutzte Token, um den Rest zu sehen.</translation>
    </message>
    <message>
        <source>MagicBell answered the discard of %1 without naming a token; it is not confirmed as discarded and may still be valid.</source>
        <translation>MagicBell hat das Verwerfen von %1 beantwortet, ohne ein Token zu nennen; es ist nicht als verworfen bestätigt und kann noch gültig sein.</translation>
    </message>
    <message>
        <source>MagicBell answered the discard of %1 with another token id (%2); %1 is not confirmed as discarded and may still be valid.</source>
        <translation>MagicBell hat das Verwerfen von %1 mit einer anderen Token-ID (%2) beantwortet; %1 ist nicht als verworfen bestätigt und kann noch gültig sein.</translation>
    </message>
    <message>
        <source>How long the token stays valid. MagicBell cannot revoke it: it stays valid until then, unless the project&apos;s secret key is rotated.</source>
        <translation>Wie lange das Token gültig bleibt. MagicBell kann es nicht widerrufen: Es bleibt bis dahin gültig, außer der geheime Schlüssel des Projekts wird ausgetauscht.</translation>
    </message>
    <message>
        <source>User token, signed by TokenDesk</source>
        <translation>Benutzer-Token, von TokenDesk signiert</translation>
    </message>
    <message>
        <source>Enter the project&apos;s secret key (MagicBell dashboard, User Auth) in the account settings: it signs the token.</source>
        <translation>Geben Sie in den Kontoeinstellungen den geheimen Schlüssel des Projekts ein (MagicBell-Dashboard, User Auth): Er signiert das Token.</translation>
    </message>
    <message>
        <source>Enter the project&apos;s API key (MagicBell dashboard, API Keys) in the account settings: the token names it.</source>
        <translation>Geben Sie in den Kontoeinstellungen den API-Schlüssel des Projekts ein (MagicBell-Dashboard, API Keys): Das Token nennt ihn.</translation>
    </message>
    <message>
        <source>MagicBell answered 404: either it does not know this token or user, or it no longer offers the JWT routes. TokenDesk could not tell which (%1).</source>
        <translation>MagicBell antwortete mit 404: Entweder kennt es dieses Token oder diesen Benutzer nicht, oder es bietet die JWT-Routen nicht mehr an. TokenDesk konnte nicht klären, was zutrifft (%1).</translation>
    </message>
    <message>
        <source>Listed: the user tokens TokenDesk signed for this project.</source>
        <translation>Aufgelistet: die Benutzer-Token, die TokenDesk für dieses Projekt signiert hat.</translation>
    </message>
    <message>
        <source>MagicBell cannot revoke a user token TokenDesk signed: it stays valid until it expires. Only rotating the project&apos;s secret key in MagicBell&apos;s dashboard invalidates it (and every other user token signed with that key).</source>
        <translation>MagicBell kann ein von TokenDesk signiertes Benutzer-Token nicht widerrufen: Es bleibt gültig, bis es abläuft. Nur ein Austausch des geheimen Projektschlüssels im MagicBell-Dashboard macht es ungültig (und jedes andere mit diesem Schlüssel signierte Benutzer-Token).</translation>
    </message>
    <message>
        <source>MagicBell user id (the id MagicBell gave the user, not the email or external id)</source>
        <translation>MagicBell-Benutzer-ID (die ID, die MagicBell dem Benutzer gab, nicht die E-Mail-Adresse oder die externe ID)</translation>
    </message>
    <message>
        <source>User token for %1</source>
        <translation>Benutzer-Token für %1</translation>
    </message>
    <message>
        <source>TokenDesk keeps no ledger here, so this token will not be listed.</source>
        <translation>TokenDesk führt hier kein Register, daher wird dieses Token nicht aufgelistet.</translation>
    </message>
    <message>
        <source>TokenDesk could not record this token in its ledger: %1</source>
        <translation>TokenDesk konnte dieses Token nicht im Register vermerken: %1</translation>
    </message>
    <message numerus="yes">
        <source>The list is incomplete: it shows the first %n token(s) only.</source>
        <translation>
            <numerusform>Die Liste ist unvollständig: Sie zeigt nur das erste Token.</numerusform>
            <numerusform>Die Liste ist unvollständig: Sie zeigt nur die ersten %n Token.</numerusform>
        </translation>
    </message>
    <message>
        <source>MagicBell has no token of the kind &quot;%1&quot; to create.</source>
        <translation>MagicBell kennt keine Token der Art „%1“, die sich erstellen ließen.</translation>
    </message>
    <message>
        <source>Rotated project token</source>
        <translation>Rotiertes Projekt-Token</translation>
    </message>
    <message>
        <source>MagicBell did not report this token&apos;s lifetime, so its successor cannot get the same one.</source>
        <translation>MagicBell hat die Lebensdauer dieses Tokens nicht gemeldet, daher kann sein Nachfolger nicht dieselbe erhalten.</translation>
    </message>
    <message>
        <source>This user token names no user, so its successor cannot be made for the same one.</source>
        <translation>Dieses Benutzer-Token nennt keinen Benutzer, daher kann sein Nachfolger nicht für denselben erstellt werden.</translation>
    </message>
    <message>
        <source>Lifetime</source>
        <translation>Laufzeit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>TokenDesk</source>
        <translation>TokenDesk</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>TokenDesk — Sandbox</source>
        <translation>TokenDesk — Sandbox</translation>
    </message>
    <message>
        <source>The sandbox could not be started.</source>
        <translation>Die Sandbox konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Sign in to see this account&apos;s tokens.</source>
        <translation>Melden Sie sich an, um die Token dieses Kontos zu sehen.</translation>
    </message>
</context>
<context>
    <name>MfaDialog</name>
    <message>
        <source>Two-step verification</source>
        <translation>Zweistufige Bestätigung</translation>
    </message>
    <message>
        <source>Google Authenticator (or any TOTP app)</source>
        <translation>Google Authenticator (oder jede TOTP-App)</translation>
    </message>
    <message>
        <source>your authenticator app</source>
        <translation>Ihre Authenticator-App</translation>
    </message>
    <message>
        <source>Enter the 6-digit code shown by %1.</source>
        <translation>Geben Sie den 6-stelligen Code ein, den %1 anzeigt.</translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Bestätigen</translation>
    </message>
    <message numerus="yes">
        <source>Codes change every 30 s; this one is valid for %n more second(s).</source>
        <translation>
            <numerusform>Codes wechseln alle 30 s; dieser ist noch %n Sekunde gültig.</numerusform>
            <numerusform>Codes wechseln alle 30 s; dieser ist noch %n Sekunden gültig.</numerusform>
        </translation>
    </message>
    <message>
        <source>The code was not accepted. Try the current code.</source>
        <translation>Der Code wurde nicht akzeptiert. Versuchen Sie den aktuellen Code.</translation>
    </message>
    <message>
        <source>Sandbox demo user: the authenticator would show %1 now. A real account never shows its code here.</source>
        <translation>Demo-Benutzer der Sandbox: Die Authenticator-App würde jetzt %1 anzeigen. Bei einem echten Konto wird der Code hier nie angezeigt.</translation>
    </message>
</context>
<context>
    <name>NetSapiensDescriptor</name>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Your login, usually user@domain such as 1000@example.</source>
        <translation>Ihr Login, meist benutzer@domain wie 1000@example.</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>The OAuth client id issued to you by NetSapiens.</source>
        <translation>Die OAuth-Client-ID, die Ihnen NetSapiens ausgestellt hat.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Optional: a full API key (nsd_..., 60 characters) to create delegated tokens.</source>
        <translation>Optional: ein vollständiger API-Schlüssel (nsd_..., 60 Zeichen), um delegierte Token zu erstellen.</translation>
    </message>
    <message>
        <source>Keep me signed in</source>
        <translation>Angemeldet bleiben</translation>
    </message>
    <message>
        <source>Store the session in the keychain so TokenDesk stays signed in after a restart.</source>
        <translation>Die Sitzung im Schlüsselbund speichern, damit TokenDesk nach einem Neustart angemeldet bleibt.</translation>
    </message>
    <message>
        <source>Enter the NetSapiens user name.</source>
        <translation>Geben Sie den NetSapiens-Benutzernamen ein.</translation>
    </message>
</context>
<context>
    <name>NetSapiensProvider</name>
    <message>
        <source>The session expires soon; sign in again.</source>
        <translation>Die Sitzung läuft bald ab; melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>NetSapiens no longer accepts the session; sign in again.</source>
        <translation>NetSapiens akzeptiert die Sitzung nicht mehr; melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Enter the NetSapiens user name and password in the account settings.</source>
        <translation>Geben Sie den NetSapiens-Benutzernamen und das Passwort in den Kontoeinstellungen ein.</translation>
    </message>
    <message>
        <source>NetSapiens did not accept the user name, password or client credentials.</source>
        <translation>NetSapiens hat Benutzername, Passwort oder Client-Zugangsdaten nicht akzeptiert.</translation>
    </message>
    <message>
        <source>Enter the passcode from the app.</source>
        <translation>Geben Sie den Code aus der App ein.</translation>
    </message>
    <message>
        <source>Sign in again to get a new challenge.</source>
        <translation>Melden Sie sich erneut an, um eine neue Abfrage zu erhalten.</translation>
    </message>
    <message>
        <source>NetSapiens did not accept the passcode.</source>
        <translation>NetSapiens hat den Code nicht akzeptiert.</translation>
    </message>
    <message>
        <source>NetSapiens still asks for a passcode.</source>
        <translation>NetSapiens verlangt weiterhin einen Code.</translation>
    </message>
    <message>
        <source>This NetSapiens server does not refresh sessions; sign in again.</source>
        <translation>Dieser NetSapiens-Server erneuert keine Sitzungen; melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The session could not be refreshed; sign in again.</source>
        <translation>Die Sitzung konnte nicht erneuert werden; melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Signed-in session</source>
        <translation>Angemeldete Sitzung</translation>
    </message>
    <message>
        <source>Sign in to NetSapiens first.</source>
        <translation>Melden Sie sich zuerst bei NetSapiens an.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>The user (extension) the token acts for.</source>
        <translation>Der Benutzer (Nebenstelle), für den das Token handelt.</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>The user&apos;s domain: letters, digits, &quot;.&quot;, &quot;_&quot; and &quot;-&quot;; &quot;~&quot; is your own domain.</source>
        <translation>Die Domain des Benutzers: Buchstaben, Ziffern, „.“, „_“ und „-“; „~“ ist Ihre eigene Domain.</translation>
    </message>
    <message>
        <source>Delegated token</source>
        <translation>Delegiertes Token</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name (letters, digits, &quot;.&quot;, &quot;_&quot;, &quot;-&quot;; or &quot;~&quot; or &quot;*&quot;).</source>
        <translation>„%1“ ist kein Domainname (Buchstaben, Ziffern, „.“, „_“, „-“; oder „~“ bzw. „*“).</translation>
    </message>
    <message>
        <source>Add an API key to the account to create delegated tokens</source>
        <translation>Fügen Sie dem Konto einen API-Schlüssel hinzu, um delegierte Token zu erstellen</translation>
    </message>
    <message>
        <source>NetSapiens did not accept the account&apos;s API key.</source>
        <translation>NetSapiens hat den API-Schlüssel des Kontos nicht akzeptiert.</translation>
    </message>
    <message>
        <source>Delegated token for %1</source>
        <translation>Delegiertes Token für %1</translation>
    </message>
    <message>
        <source>The token carries no jti; it cannot be revoked by id.</source>
        <translation>Das Token trägt keine jti; es kann nicht per ID widerrufen werden.</translation>
    </message>
    <message>
        <source>TokenDesk could not record this token in its ledger: %1</source>
        <translation>TokenDesk konnte dieses Token nicht im Register vermerken: %1</translation>
    </message>
    <message>
        <source>This token has no id (jti), so it cannot be revoked.</source>
        <translation>Dieses Token hat keine ID (jti), daher kann es nicht widerrufen werden.</translation>
    </message>
    <message>
        <source>Give the user as user@domain, such as 1000@example.com.</source>
        <translation>Geben Sie den Benutzer als benutzer@domain an, z. B. 1000@example.com.</translation>
    </message>
    <message>
        <source>Paste the token to check.</source>
        <translation>Fügen Sie das zu prüfende Token ein.</translation>
    </message>
    <message>
        <source>NetSapiens refuses this token.</source>
        <translation>NetSapiens lehnt dieses Token ab.</translation>
    </message>
    <message>
        <source>NetSapiens still accepts this token (GET /jwt answers with its claims).</source>
        <translation>NetSapiens akzeptiert dieses Token noch (GET /jwt antwortet mit seinen Claims).</translation>
    </message>
    <message>
        <source>Not signed in: TokenDesk no longer holds this session, so it cannot revoke it. Revoke the user&apos;s tokens by uid (user@domain) to end it.</source>
        <translation>Nicht angemeldet: TokenDesk hat diese Sitzung nicht mehr und kann sie daher nicht widerrufen. Widerrufen Sie die Token des Benutzers per UID (benutzer@domain), um sie zu beenden.</translation>
    </message>
    <message>
        <source>Not signed in: there is no session to sign out of.</source>
        <translation>Nicht angemeldet: Es gibt keine Sitzung, von der abgemeldet werden kann.</translation>
    </message>
    <message>
        <source>The refresh token carries no jti to revoke it by.</source>
        <translation>Das Aktualisierungstoken enthält keine jti, über die es widerrufen werden kann.</translation>
    </message>
    <message>
        <source>NetSapiens ended the session, but did not revoke its refresh token (%1); it may stay valid until %2.</source>
        <translation>NetSapiens hat die Sitzung beendet, aber ihr Aktualisierungstoken nicht widerrufen (%1); es kann bis %2 gültig bleiben.</translation>
    </message>
    <message>
        <source>it expires</source>
        <translation>es abläuft</translation>
    </message>
    <message>
        <source>NetSapiens accepted the sign-out, but still accepts the old session token.</source>
        <translation>NetSapiens hat die Abmeldung angenommen, akzeptiert das alte Sitzungstoken aber weiterhin.</translation>
    </message>
    <message>
        <source>The refresh token carries no jti; it cannot be revoked by id.</source>
        <translation>Das Aktualisierungstoken enthält keine jti; es kann nicht per ID widerrufen werden.</translation>
    </message>
    <message>
        <source>Refresh token for %1</source>
        <translation>Aktualisierungstoken für %1</translation>
    </message>
    <message>
        <source>The signed-in session is replaced by signing in again, not by a rotation.</source>
        <translation>Die angemeldete Sitzung wird durch erneutes Anmelden ersetzt, nicht durch eine Rotation.</translation>
    </message>
    <message>
        <source>Rotate the delegated token this refresh token came with.</source>
        <translation>Rotieren Sie das delegierte Token, mit dem dieses Refresh-Token ausgegeben wurde.</translation>
    </message>
    <message>
        <source>Only delegated tokens with a jti and a user@domain subject can be rotated.</source>
        <translation>Nur delegierte Token mit einer jti und einem Subjekt der Form benutzer@domain können rotiert werden.</translation>
    </message>
</context>
<context>
    <name>PastedValueEdit</name>
    <message>
        <source>Paste the token value</source>
        <translation>Token-Wert einfügen</translation>
    </message>
    <message>
        <source>Token value</source>
        <translation>Token-Wert</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show the token value</source>
        <translation>Token-Wert anzeigen</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Could not write the preferences file %1.</source>
        <translation>Die Einstellungsdatei %1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Clipboard</source>
        <translation>Zwischenablage</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Clear the clipboard after (seconds)</source>
        <translation>Zwischenablage leeren nach (Sekunden)</translation>
    </message>
    <message>
        <source>A copied secret is removed from the clipboard after this many seconds (5 to 600).</source>
        <translation>Ein kopiertes Geheimnis wird nach so vielen Sekunden aus der Zwischenablage entfernt (5 bis 600).</translation>
    </message>
    <message>
        <source>&amp;Clear copied secrets after:</source>
        <translation>Kopierte Geheimnisse &amp;leeren nach:</translation>
    </message>
    <message>
        <source>Expiry alerts</source>
        <translation>Ablaufwarnungen</translation>
    </message>
    <message>
        <source>e.g. 7 days, 24 hours</source>
        <translation>z. B. 7 days, 24 hours</translation>
    </message>
    <message>
        <source>Alert thresholds</source>
        <translation>Warnschwellen</translation>
    </message>
    <message>
        <source>Durations separated by commas: an alert is raised when a token&apos;s remaining life drops below each of them (1 minute to 90 days).</source>
        <translation>Durch Kommas getrennte Dauern: Eine Warnung erscheint, wenn die Restlaufzeit eines Tokens unter jede davon fällt (1 Minute bis 90 Tage).</translation>
    </message>
    <message>
        <source>Alert &amp;thresholds:</source>
        <translation>&amp;Warnschwellen:</translation>
    </message>
    <message>
        <source>Alert when a token &amp;expires</source>
        <translation>Warnen, wenn ein Token &amp;abläuft</translation>
    </message>
    <message>
        <source>Alert when a token expires</source>
        <translation>Warnen, wenn ein Token abläuft</translation>
    </message>
    <message>
        <source>Show desktop &amp;notifications</source>
        <translation>Desktop-&amp;Benachrichtigungen anzeigen</translation>
    </message>
    <message>
        <source>Show desktop notifications</source>
        <translation>Desktop-Benachrichtigungen anzeigen</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Refresh interval in minutes</source>
        <translation>Aktualisierungsintervall in Minuten</translation>
    </message>
    <message>
        <source>Refresh every account&apos;s tokens this often; 0 turns it off.</source>
        <translation>Die Token aller Konten in diesem Abstand aktualisieren; 0 schaltet dies aus.</translation>
    </message>
    <message>
        <source>&amp;Refresh every:</source>
        <translation>&amp;Aktualisieren alle:</translation>
    </message>
    <message>
        <source>Relative (in 3 days)</source>
        <translation>Relativ (in 3 Tagen)</translation>
    </message>
    <message>
        <source>Absolute (date and time)</source>
        <translation>Absolut (Datum und Uhrzeit)</translation>
    </message>
    <message>
        <source>Time display</source>
        <translation>Zeitanzeige</translation>
    </message>
    <message>
        <source>Show &amp;times as:</source>
        <translation>&amp;Zeiten anzeigen als:</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>Zeit&amp;zone:</translation>
    </message>
    <message>
        <source>&amp;Start minimised to the tray</source>
        <translation>Minimiert im Infobereich &amp;starten</translation>
    </message>
    <message>
        <source>Start minimised to the tray</source>
        <translation>Minimiert im Infobereich starten</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Alert thresholds: “%1” is not a duration. %2</source>
        <translation>Warnschwellen: „%1“ ist keine Dauer. %2</translation>
    </message>
    <message>
        <source>Alert thresholds: “%1” is out of range; use 1 minute to 90 days.</source>
        <translation>Warnschwellen: „%1“ liegt außerhalb des Bereichs; verwenden Sie 1 Minute bis 90 Tage.</translation>
    </message>
    <message numerus="yes">
        <source>Alert thresholds: at most %n durations.</source>
        <translation>
            <numerusform>Warnschwellen: höchstens %n Dauer.</numerusform>
            <numerusform>Warnschwellen: höchstens %n Dauern.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keep running in the tray when the window is closed</source>
        <translation>Beim Schließen des Fensters im Infobereich &amp;weiterlaufen</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation>Beim Schließen des Fensters im Infobereich weiterlaufen</translation>
    </message>
    <message>
        <source>Closing the window hides it and expiry alerts keep coming; File → Quit or the tray&apos;s Quit ends TokenDesk.</source>
        <translation>Das Schließen blendet das Fenster aus und Ablaufwarnungen kommen weiterhin; Datei → Beenden oder Beenden im Infobereich beendet TokenDesk.</translation>
    </message>
</context>
<context>
    <name>ProviderDescriptor</name>
    <message>
        <source>Enter a web address such as %1.</source>
        <translation>Geben Sie eine Webadresse wie %1 ein.</translation>
    </message>
    <message>
        <source>Use https: plain http is only allowed for this computer (localhost, 127.0.0.1), or to a host you allow it for (&quot;Allow plain http to this host&quot;, --option allow_http=HOST).</source>
        <translation>Verwenden Sie https: Unverschlüsseltes http ist nur für diesen Computer erlaubt (localhost, 127.0.0.1) oder zu einem Host, für den Sie es erlauben („Unverschlüsseltes http zu diesem Host erlauben“, --option allow_http=HOST).</translation>
    </message>
</context>
<context>
    <name>ProxyPolicy</name>
    <message>
        <source>Proxy: use &quot;system&quot;, &quot;none&quot; or socks5://HOST:PORT (for Tor: socks5://127.0.0.1:9050).</source>
        <translation>Proxy: Verwenden Sie „system“, „none“ oder socks5://HOST:PORT (für Tor: socks5://127.0.0.1:9050).</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <source>Token created</source>
        <translation>Token erstellt</translation>
    </message>
    <message>
        <source>&lt;b&gt;This is the only time the token is shown.&lt;/b&gt; Copy it now and keep it somewhere safe: TokenDesk does not store it.</source>
        <translation>&lt;b&gt;Das Token wird nur dieses eine Mal angezeigt.&lt;/b&gt; Kopieren Sie es jetzt und bewahren Sie es sicher auf: TokenDesk speichert es nicht.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Token value</source>
        <translation>Token-Wert</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Link:</translation>
    </message>
    <message>
        <source>Never expires (or the service did not say)</source>
        <translation>Läuft nie ab (oder der Dienst hat es nicht mitgeteilt)</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1 (in %2)</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <source>The clipboard was cleared.</source>
        <translation>Die Zwischenablage wurde geleert.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard will be cleared in %n second(s).</source>
        <translation>
            <numerusform>Kopiert. Die Zwischenablage wird in %n Sekunde geleert.</numerusform>
            <numerusform>Kopiert. Die Zwischenablage wird in %n Sekunden geleert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh token value</source>
        <translation>Wert des Aktualisierungstokens</translation>
    </message>
    <message>
        <source>Refresh token:</source>
        <translation>Aktualisierungstoken:</translation>
    </message>
    <message>
        <source>You have not copied or shown the token. Once this dialog is closed it cannot be shown again: you would have to create a new one.</source>
        <translation>Sie haben das Token weder kopiert noch angezeigt. Nach dem Schließen dieses Dialogs kann es nicht mehr angezeigt werden: Sie müssten ein neues erstellen.</translation>
    </message>
    <message>
        <source>Close without copying</source>
        <translation>Ohne Kopieren schließen</translation>
    </message>
    <message>
        <source>Keep open</source>
        <translation>Geöffnet lassen</translation>
    </message>
</context>
<context>
    <name>RevokePlan</name>
    <message>
        <source>%1: skip %2 — %3</source>
        <translation>%1: %2 übersprungen — %3</translation>
    </message>
    <message>
        <source>this service cannot revoke every token of a subject</source>
        <translation>dieser Dienst kann nicht alle Tokens eines Subjekts widerrufen</translation>
    </message>
    <message>
        <source>this service cannot revoke single tokens</source>
        <translation>dieser Dienst kann keine einzelnen Tokens widerrufen</translation>
    </message>
    <message>
        <source>already revoked</source>
        <translation>bereits widerrufen</translation>
    </message>
    <message>
        <source>the token has no id to revoke it by</source>
        <translation>das Token hat keine ID, über die es widerrufen werden kann</translation>
    </message>
    <message>
        <source>%1: revoke token %2</source>
        <translation>%1: Token %2 widerrufen</translation>
    </message>
    <message numerus="yes">
        <source>%1: revoke every token of %2 (%n listed)</source>
        <translation>
            <numerusform>%1: jedes Token von %2 widerrufen (%n aufgeführt)</numerusform>
            <numerusform>%1: jedes Token von %2 widerrufen (%n aufgeführt)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: expire every portal session of application %2</source>
        <translation>%1: alle Portal-Sitzungen der Anwendung %2 ablaufen lassen</translation>
    </message>
    <message>
        <source>%1: expire sessions %2 of application %3</source>
        <translation>%1: Sitzungen %2 der Anwendung %3 ablaufen lassen</translation>
    </message>
</context>
<context>
    <name>RevokePlanDialog</name>
    <message>
        <source>Revoke Tokens</source>
        <translation>Token widerrufen</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <source>Every call the revoke would make; nothing has been sent yet</source>
        <translation>Jeder Aufruf, den der Widerruf machen würde; noch wurde nichts gesendet</translation>
    </message>
    <message>
        <source>Revoke progress</source>
        <translation>Fortschritt des Widerrufs</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>&amp;Copy Dry Run</source>
        <translation>Probelauf &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the dry run</source>
        <translation>Den Probelauf kopieren</translation>
    </message>
    <message>
        <source>C&amp;ancel Run</source>
        <translation>Lauf a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Cancel the revoke</source>
        <translation>Den Widerruf abbrechen</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Export the results as CSV</source>
        <translation>Die Ergebnisse als CSV exportieren</translation>
    </message>
    <message>
        <source>not checked: account %1: %2</source>
        <translation>nicht geprüft: Konto %1: %2</translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation>Nichts passt.</translation>
    </message>
    <message>
        <source>Dry run: nothing can be revoked.</source>
        <translation>Probelauf: Nichts kann widerrufen werden.</translation>
    </message>
    <message numerus="yes">
        <source>Dry run: %n call(s) would be made, </source>
        <translation>
            <numerusform>Probelauf: %n Aufruf würde gemacht, </numerusform>
            <numerusform>Probelauf: %n Aufrufe würden gemacht, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>revoking %n token(s) </source>
        <translation>
            <numerusform>%n Token wird widerrufen </numerusform>
            <numerusform>%n Token werden widerrufen </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n account(s). Nothing has been sent yet.</source>
        <translation>
            <numerusform>in %n Konto. Noch wurde nichts gesendet.</numerusform>
            <numerusform>in %n Konten. Noch wurde nichts gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) could not be checked.</source>
        <translation>
            <numerusform>%n Konto konnte nicht geprüft werden.</numerusform>
            <numerusform>%n Konten konnten nicht geprüft werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Revoking…</source>
        <translation>Wird widerrufen…</translation>
    </message>
    <message>
        <source>Cancelling: calls already sent finish, the rest are not made…</source>
        <translation>Abbruch: Bereits gesendete Aufrufe werden beendet, die übrigen nicht gemacht…</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1 succeeded, %2 failed, %3 cancelled.</source>
        <translation>%1 erfolgreich, %2 fehlgeschlagen, %3 abgebrochen.</translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Revoke %n Token(s)</source>
        <translation>
            <numerusform>%n Token &amp;widerrufen</numerusform>
            <numerusform>%n Token &amp;widerrufen</numerusform>
        </translation>
    </message>
    <message>
        <source>the subject</source>
        <translation>das Subjekt</translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n Token(s)</source>
        <translation>
            <numerusform>%n Token widerrufen</numerusform>
            <numerusform>%n Token widerrufen</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke All for “%1”</source>
        <translation>Alle für „%1“ widerrufen</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) (%1)</source>
        <translation>
            <numerusform>%n Konto (%1)</numerusform>
            <numerusform>%n Konten (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n token(s) in %1? Anything using them stops working.</source>
        <translation>
            <numerusform>%n Token in %1 widerrufen? Alles, was es verwendet, funktioniert dann nicht mehr.</numerusform>
            <numerusform>%n Token in %1 widerrufen? Alles, was sie verwendet, funktioniert dann nicht mehr.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RevokeRunner</name>
    <message>
        <source>The account %1 is no longer available.</source>
        <translation>Das Konto %1 ist nicht mehr verfügbar.</translation>
    </message>
    <message>
        <source>%1 succeeded, %2 failed, %3 cancelled</source>
        <translation>%1 erfolgreich, %2 fehlgeschlagen, %3 abgebrochen</translation>
    </message>
    <message>
        <source>rejected by the server ✓</source>
        <translation>vom Server abgelehnt ✓</translation>
    </message>
    <message>
        <source>warning: the server still reports this token as active</source>
        <translation>Warnung: Der Server meldet dieses Token noch als aktiv</translation>
    </message>
    <message>
        <source>could not verify</source>
        <translation>konnte nicht geprüft werden</translation>
    </message>
</context>
<context>
    <name>RotateTokenDialog</name>
    <message>
        <source>Rotate Token</source>
        <translation>Token rotieren</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation>Karenzzeit</translation>
    </message>
    <message>
        <source>How long the old token stays valid after the new one works, such as &quot;2 hours&quot;; 0 revokes it at once.</source>
        <translation>Wie lange das alte Token gültig bleibt, nachdem das neue funktioniert, etwa „2 hours“; 0 widerruft es sofort.</translation>
    </message>
    <message>
        <source>&amp;Grace period:</source>
        <translation>&amp;Karenzzeit:</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The new token is in place where the old one was used</source>
        <translation>Das neue Token ist dort eingesetzt, wo das alte verwendet wurde</translation>
    </message>
    <message>
        <source>&amp;Rotate</source>
        <translation>&amp;Rotieren</translation>
    </message>
    <message>
        <source>C&amp;onfirm</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <source>Cancel Rotation</source>
        <translation>Rotation abbrechen</translation>
    </message>
    <message>
        <source>The grace period is not a duration TokenDesk understands: %1</source>
        <translation>Die Karenzzeit ist keine Dauer, die TokenDesk versteht: %1</translation>
    </message>
    <message>
        <source>A new token with the same settings is created and checked with the service. The old token stays valid for the grace period, then it is revoked.</source>
        <translation>Ein neues Token mit denselben Einstellungen wird erstellt und beim Dienst geprüft. Das alte Token bleibt für die Karenzzeit gültig und wird dann widerrufen.</translation>
    </message>
    <message>
        <source>A new token with the same settings is created. The service cannot check it, so you confirm it is in place before the old one is ended after the grace period.</source>
        <translation>Ein neues Token mit denselben Einstellungen wird erstellt. Der Dienst kann es nicht prüfen, daher bestätigen Sie, dass es eingesetzt ist, bevor das alte nach der Karenzzeit beendet wird.</translation>
    </message>
    <message>
        <source>Rotating…</source>
        <translation>Wird rotiert…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1: %2 — %3</translation>
    </message>
    <message>
        <source>The new token exists. Put it in place, then confirm; Cancel Rotation revokes it.</source>
        <translation>Das neue Token existiert. Setzen Sie es ein und bestätigen Sie dann; „Rotation abbrechen“ widerruft es.</translation>
    </message>
    <message>
        <source>Rotating: the old token is revoked %1 (%2 UTC), also if TokenDesk restarts meanwhile.</source>
        <translation>Rotation läuft: Das alte Token wird %1 widerrufen (%2 UTC), auch wenn TokenDesk zwischendurch neu startet.</translation>
    </message>
    <message>
        <source>Rotated: the old token is revoked.</source>
        <translation>Rotiert: Das alte Token ist widerrufen.</translation>
    </message>
    <message>
        <source>Not rotated: %1 The old token is untouched.</source>
        <translation>Nicht rotiert: %1 Das alte Token ist unverändert.</translation>
    </message>
</context>
<context>
    <name>RotationFinisher</name>
    <message>
        <source>The account is no longer available.</source>
        <translation>Das Konto ist nicht mehr verfügbar.</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>Access to the keychain was denied.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert.</translation>
    </message>
    <message>
        <source>The keychain refused access to the secret.</source>
        <translation>Der Schlüsselbund hat den Zugriff auf das Geheimnis verweigert.</translation>
    </message>
    <message>
        <source>The secret could not be deleted from the keychain.</source>
        <translation>Das Geheimnis konnte nicht aus dem Schlüsselbund gelöscht werden.</translation>
    </message>
    <message>
        <source>The keychain reported an error.</source>
        <translation>Der Schlüsselbund hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <source>The keychain did not answer in time. It may be locked and waiting for its password.</source>
        <translation>Der Schlüsselbund hat nicht rechtzeitig geantwortet. Vielleicht ist er gesperrt und wartet auf sein Passwort.</translation>
    </message>
    <message>
        <source>The keychain operation was cancelled.</source>
        <translation>Der Schlüsselbund-Vorgang wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The keychain has not been used yet.</source>
        <translation>Der Schlüsselbund wurde noch nicht verwendet.</translation>
    </message>
    <message>
        <source>Secrets are kept in the system keychain.</source>
        <translation>Geheimnisse werden im System-Schlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <source>No keychain is available: secrets are kept in memory until TokenDesk quits.</source>
        <translation>Kein Schlüsselbund verfügbar: Geheimnisse werden im Speicher gehalten, bis TokenDesk beendet wird.</translation>
    </message>
    <message>
        <source>No secret is stored for this key.</source>
        <translation>Für diesen Schlüssel ist kein Geheimnis gespeichert.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Überall</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Remember these credentials in the system keychain</source>
        <translation>Diese Zugangsdaten im System-Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>The sandbox&apos;s demo credentials are filled in: choose Sign in.</source>
        <translation>Die Demo-Zugangsdaten der Sandbox sind eingetragen: Wählen Sie „Anmelden“.</translation>
    </message>
    <message>
        <source>No keychain is available: the credentials are kept only until TokenDesk quits.</source>
        <translation>Kein Schlüsselbund verfügbar: Die Zugangsdaten werden nur bis zum Beenden von TokenDesk aufbewahrt.</translation>
    </message>
    <message>
        <source>Sign in to %1 as %2</source>
        <translation>Bei %1 als %2 anmelden</translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <source>under a minute</source>
        <translation>unter einer Minute</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n Std.</numerusform>
            <numerusform>%n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>service not available in this build</source>
        <translation>Dienst in diesem Build nicht verfügbar</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>angemeldet</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <source>session expires in %1</source>
        <translation>Sitzung läuft in %1 ab</translation>
    </message>
    <message>
        <source>session expired</source>
        <translation>Sitzung abgelaufen</translation>
    </message>
    <message>
        <source>Storing credentials</source>
        <translation>Zugangsdaten werden gespeichert</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>The passcode was not accepted. Try again.</source>
        <translation>Der Code wurde nicht akzeptiert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Reading credentials</source>
        <translation>Zugangsdaten werden gelesen</translation>
    </message>
    <message>
        <source>Enter your credentials to sign in.</source>
        <translation>Geben Sie Ihre Zugangsdaten ein, um sich anzumelden.</translation>
    </message>
    <message>
        <source>Signing out</source>
        <translation>Abmeldung</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>abgemeldet</translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>sign-in needed</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <source>The sandbox&apos;s demo password is filled in: choose Sign in.</source>
        <translation>Das Demo-Passwort der Sandbox ist eingetragen: Wählen Sie „Anmelden“.</translation>
    </message>
    <message>
        <source>&amp;Remember in the keychain</source>
        <translation>Im Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Remember in the keychain</source>
        <translation>Im Schlüsselbund merken</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation>Anmeldefehler</translation>
    </message>
    <message>
        <source>No keychain is available: the password is kept only until TokenDesk quits.</source>
        <translation>Kein Schlüsselbund verfügbar: Das Passwort wird nur bis zum Beenden von TokenDesk aufbewahrt.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
</context>
<context>
    <name>SpecterDescriptor</name>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>The Specter login password; sent with HTTP Basic on every call.</source>
        <translation>Das Specter-Anmeldepasswort; wird bei jedem Aufruf per HTTP Basic gesendet.</translation>
    </message>
    <message>
        <source>Enter the Specter user name.</source>
        <translation>Geben Sie den Specter-Benutzernamen ein.</translation>
    </message>
</context>
<context>
    <name>SpecterProvider</name>
    <message>
        <source>The token is already gone; the list was refreshed.</source>
        <translation>Das Token ist bereits weg; die Liste wurde aktualisiert.</translation>
    </message>
    <message>
        <source>Specter refused the user name or password.</source>
        <translation>Specter hat Benutzername oder Passwort abgelehnt.</translation>
    </message>
    <message>
        <source>The REST API is not enabled on this Specter (start it with SPECTER_API_ACTIVE=True).</source>
        <translation>Die REST-API ist bei diesem Specter nicht aktiviert (starten Sie es mit SPECTER_API_ACTIVE=True).</translation>
    </message>
    <message>
        <source>Specter&apos;s REST API answers, but has no token routes at this address: check the base URL (the Specter address, without /api), or update Specter (tokens need 1.13.2 or newer).</source>
        <translation>Die REST-API von Specter antwortet, hat aber unter dieser Adresse keine Token-Routen: Prüfen Sie die Basis-URL (die Specter-Adresse, ohne /api) oder aktualisieren Sie Specter (Token brauchen 1.13.2 oder neuer).</translation>
    </message>
    <message>
        <source>Nothing at this address answers like Specter&apos;s REST API: check the base URL.</source>
        <translation>Unter dieser Adresse antwortet nichts wie die REST-API von Specter: Prüfen Sie die Basis-URL.</translation>
    </message>
    <message>
        <source>Lifetime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Enter a lifetime with a unit, such as &quot;6 hours&quot;.</source>
        <translation>Geben Sie eine Laufzeit mit Einheit ein, z. B. „6 hours“.</translation>
    </message>
    <message>
        <source>The lifetime is not readable: %1.</source>
        <translation>Die Laufzeit ist nicht lesbar: %1.</translation>
    </message>
    <message>
        <source>The lifetime must be at least one second.</source>
        <translation>Die Laufzeit muss mindestens eine Sekunde betragen.</translation>
    </message>
    <message>
        <source>A token with this description exists, or the description is blank.</source>
        <translation>Ein Token mit dieser Beschreibung existiert bereits, oder die Beschreibung ist leer.</translation>
    </message>
    <message>
        <source>The token Specter returned could not be decoded; its expiry is unknown.</source>
        <translation>Das von Specter zurückgegebene Token konnte nicht dekodiert werden; sein Ablaufdatum ist unbekannt.</translation>
    </message>
    <message>
        <source>This is not a Specter token: Specter&apos;s API tokens are JWTs (three dot-separated parts, eyJ…).</source>
        <translation>Das ist kein Specter-Token: Die API-Token von Specter sind JWTs (drei durch Punkte getrennte Teile, eyJ…).</translation>
    </message>
    <message>
        <source>Specter still accepts this token. Specter before v2.1.11 keeps accepting deleted tokens until they expire: update Specter, or wait for the expiry.</source>
        <translation>Specter akzeptiert dieses Token noch. Specter vor v2.1.11 akzeptiert gelöschte Token bis zu ihrem Ablauf: Aktualisieren Sie Specter oder warten Sie den Ablauf ab.</translation>
    </message>
    <message>
        <source>Specter refuses this token; it carries no jwt_token_id.</source>
        <translation>Specter lehnt dieses Token ab; es enthält keine jwt_token_id.</translation>
    </message>
    <message>
        <source>Specter refuses this token.</source>
        <translation>Specter lehnt dieses Token ab.</translation>
    </message>
    <message>
        <source>Wrong URL: the base URL ends in /api, and TokenDesk adds /api itself. Enter Specter&apos;s address without /api (for example http://specter.local:25441).</source>
        <translation>Falsche URL: Die Basis-URL endet auf /api, und TokenDesk fügt /api selbst an. Geben Sie die Adresse von Specter ohne /api ein (zum Beispiel http://specter.local:25441).</translation>
    </message>
    <message>
        <source>The Specter server failed (HTTP %1) and does not say why.</source>
        <translation>Der Specter-Server ist gescheitert (HTTP %1) und nennt keinen Grund.</translation>
    </message>
    <message>
        <source>The Specter server failed (HTTP %1) after TokenDesk had checked %2; Specter does not say why.</source>
        <translation>Der Specter-Server ist gescheitert (HTTP %1), nachdem TokenDesk %2 geprüft hatte; Specter nennt keinen Grund.</translation>
    </message>
    <message>
        <source>A known cause: Specter stores user names in lower case with &quot;_&quot; for spaces, and fails every token call of a user whose name is not already in that form. Try the user name &quot;%1&quot;.</source>
        <translation>Eine bekannte Ursache: Specter speichert Benutzernamen kleingeschrieben mit „_“ statt Leerzeichen und scheitert an jedem Token-Aufruf eines Benutzers, dessen Name nicht schon so geschrieben ist. Versuchen Sie den Benutzernamen „%1“.</translation>
    </message>
    <message>
        <source>Specter&apos;s log names the error.</source>
        <translation>Das Protokoll von Specter nennt den Fehler.</translation>
    </message>
    <message>
        <source>the description and the lifetime</source>
        <translation>die Beschreibung und die Lebensdauer</translation>
    </message>
    <message>
        <source>Specter did not report this token&apos;s lifetime, so its successor cannot get the same one.</source>
        <translation>Specter hat die Lebensdauer dieses Tokens nicht gemeldet, daher kann sein Nachfolger nicht dieselbe erhalten.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Specter keeps it as the token&apos;s description; it must differ from those of your other tokens.</source>
        <translation>Specter speichert ihn als Beschreibung des Tokens; er muss sich von denen Ihrer anderen Token unterscheiden.</translation>
    </message>
    <message>
        <source>How long the token stays valid, with a unit: &quot;30 minutes&quot;, &quot;6 hours&quot;, &quot;2 days&quot;, &quot;1h30m&quot;, &quot;3 months&quot;. Specter is sent days, hours or minutes.</source>
        <translation>Wie lange das Token gültig bleibt, mit Einheit: „30 minutes“, „6 hours“, „2 days“, „1h30m“, „3 months“. An Specter gehen Tage, Stunden oder Minuten.</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
</context>
<context>
    <name>SvixDescriptor</name>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>The environment API key from the Svix dashboard (API Access). Its suffix (.eu, .us, ...) picks the region unless a base URL is set.</source>
        <translation>Der Umgebungs-API-Schlüssel aus dem Svix-Dashboard (API Access). Seine Endung (.eu, .us, ...) wählt die Region, sofern keine Basis-URL gesetzt ist.</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Anwendungen</translation>
    </message>
    <message>
        <source>Application ids or uids you manage.</source>
        <translation>Anwendungs-IDs oder -UIDs, die Sie verwalten.</translation>
    </message>
    <message>
        <source>Admin session id</source>
        <translation>Admin-Sitzungs-ID</translation>
    </message>
    <message>
        <source>Tags the portal tokens you mint so expire-all can target them (letters, digits, @, _ and -).</source>
        <translation>Markiert die von Ihnen erstellten Portal-Token, damit „Alle ablaufen lassen“ sie treffen kann (Buchstaben, Ziffern, @, _ und -).</translation>
    </message>
    <message>
        <source>A session id has 1 to 64 letters, digits, &apos;@&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Eine Sitzungs-ID hat 1 bis 64 Buchstaben, Ziffern, „@“, „_“ oder „-“.</translation>
    </message>
    <message>
        <source>Empty: the API key&apos;s region (.eu, .us, ...) picks the host</source>
        <translation>Leer: die Region des API-Schlüssels (.eu, .us, ...) wählt den Host</translation>
    </message>
    <message>
        <source>Global</source>
        <translation>Global</translation>
    </message>
</context>
<context>
    <name>SvixProvider</name>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>The application&apos;s id or uid.</source>
        <translation>Die ID oder UID der Anwendung.</translation>
    </message>
    <message>
        <source>Enter the Svix API key in the account settings.</source>
        <translation>Geben Sie den Svix-API-Schlüssel in den Kontoeinstellungen ein.</translation>
    </message>
    <message>
        <source>Svix refused the request: check the highlighted fields.</source>
        <translation>Svix hat die Anfrage abgelehnt: Prüfen Sie die hervorgehobenen Felder.</translation>
    </message>
    <message>
        <source>Svix refused the credentials: the API key (or the token) is wrong, expired or already logged out.</source>
        <translation>Svix hat die Zugangsdaten abgelehnt: Der API-Schlüssel (oder das Token) ist falsch, abgelaufen oder bereits abgemeldet.</translation>
    </message>
    <message>
        <source>Svix does not know this application.</source>
        <translation>Svix kennt diese Anwendung nicht.</translation>
    </message>
    <message>
        <source>Session id</source>
        <translation>Sitzungs-ID</translation>
    </message>
    <message>
        <source>Tags the token so that expire-all can target it (letters, digits, @, _ and -).</source>
        <translation>Markiert das Token, damit „Alle ablaufen lassen“ es treffen kann (Buchstaben, Ziffern, @, _ und -).</translation>
    </message>
    <message>
        <source>Between 1 hour and 7 days.</source>
        <translation>Zwischen 1 Stunde und 7 Tagen.</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Grant only the ViewBase capability.</source>
        <translation>Nur die Berechtigung ViewBase gewähren.</translation>
    </message>
    <message>
        <source>Feature flags</source>
        <translation>Feature-Flags</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Empty: all capabilities. ViewBase is always included.</source>
        <translation>Leer: alle Berechtigungen. ViewBase ist immer enthalten.</translation>
    </message>
    <message>
        <source>App portal access</source>
        <translation>App-Portal-Zugang</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Message token</source>
        <translation>Nachrichten-Token</translation>
    </message>
    <message>
        <source>The application id may hold letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;.</source>
        <translation>Die Anwendungs-ID darf Buchstaben, Ziffern, „-“, „_“ und „.“ enthalten.</translation>
    </message>
    <message>
        <source>A portal token lives between 1 hour and 7 days.</source>
        <translation>Ein Portal-Token lebt zwischen 1 Stunde und 7 Tagen.</translation>
    </message>
    <message>
        <source>The lifetime cannot be negative.</source>
        <translation>Die Laufzeit darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>A session id has 1 to 64 letters, digits, &apos;@&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Eine Sitzungs-ID hat 1 bis 64 Buchstaben, Ziffern, „@“, „_“ oder „-“.</translation>
    </message>
    <message>
        <source>Unknown capability &quot;%1&quot;.</source>
        <translation>Unbekannte Berechtigung „%1“.</translation>
    </message>
    <message>
        <source>At most 25 feature flags.</source>
        <translation>Höchstens 25 Feature-Flags.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid feature flag.</source>
        <translation>„%1“ ist kein gültiges Feature-Flag.</translation>
    </message>
    <message>
        <source>Portal access for %1</source>
        <translation>Portalzugang für %1</translation>
    </message>
    <message>
        <source>Choose the application.</source>
        <translation>Wählen Sie die Anwendung.</translation>
    </message>
    <message>
        <source>The grace period is between 0 seconds and 3 days.</source>
        <translation>Die Karenzzeit liegt zwischen 0 Sekunden und 3 Tagen.</translation>
    </message>
    <message>
        <source>At most 1000 session ids.</source>
        <translation>Höchstens 1000 Sitzungs-IDs.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid session id.</source>
        <translation>„%1“ ist keine gültige Sitzungs-ID.</translation>
    </message>
    <message>
        <source>Paste the portal token.</source>
        <translation>Fügen Sie das Portal-Token ein.</translation>
    </message>
    <message>
        <source>This is a self-hosted (open-source) Svix server: it ignores the lifetime, session and access asked for. The token lives 28 days with full access.</source>
        <translation>Dies ist ein selbst betriebener (Open-Source-)Svix-Server: Er ignoriert die verlangte Lebensdauer, Sitzung und Berechtigung. Das Token gilt 28 Tage mit vollem Zugriff.</translation>
    </message>
    <message>
        <source>this server does not offer it</source>
        <translation>dieser Server bietet das nicht an</translation>
    </message>
    <message>
        <source>not implemented by this server</source>
        <translation>von diesem Server nicht implementiert</translation>
    </message>
    <message>
        <source>Paste the one-time token of the magic link.</source>
        <translation>Fügen Sie das Einmal-Token des Magic Links ein.</translation>
    </message>
    <message>
        <source>Svix cannot end one message token before it expires; only portal tokens can be rotated.</source>
        <translation>Svix kann ein einzelnes Nachrichten-Token nicht vor seinem Ablauf beenden; nur Portal-Token können rotiert werden.</translation>
    </message>
    <message>
        <source>This portal token has no session id: ending it would end every token of the application.</source>
        <translation>Dieses Portal-Token hat keine Sitzungs-ID: Es zu beenden würde jedes Token der Anwendung beenden.</translation>
    </message>
    <message>
        <source>This self-hosted Svix server cannot expire a session, so the old token would stay valid.</source>
        <translation>Dieser selbst gehostete Svix-Server kann keine Sitzung ablaufen lassen, daher bliebe das alte Token gültig.</translation>
    </message>
    <message>
        <source>Lifetime</source>
        <translation>Laufzeit</translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>in under a minute</source>
        <translation>in unter einer Minute</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>expired (time not reported by the service)</source>
        <translation>abgelaufen (Zeitpunkt vom Dienst nicht gemeldet)</translation>
    </message>
</context>
<context>
    <name>TokenDetailLines</name>
    <message>
        <source>Expiry status</source>
        <translation>Ablaufstatus</translation>
    </message>
    <message>
        <source>JWT id</source>
        <translation>JWT-ID</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Territorium</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Current session token</source>
        <translation>Token der aktuellen Sitzung</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Reason revoked</source>
        <translation>Grund des Widerrufs</translation>
    </message>
    <message>
        <source>Expired by</source>
        <translation>Abgelaufen durch</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Feature flags</source>
        <translation>Feature-Flags</translation>
    </message>
    <message>
        <source>View the portal</source>
        <translation>Portal ansehen</translation>
    </message>
    <message>
        <source>View endpoint secrets</source>
        <translation>Endpunkt-Geheimnisse ansehen</translation>
    </message>
    <message>
        <source>Manage endpoint secrets</source>
        <translation>Endpunkt-Geheimnisse verwalten</translation>
    </message>
    <message>
        <source>Manage transformations</source>
        <translation>Transformationen verwalten</translation>
    </message>
    <message>
        <source>Resend messages</source>
        <translation>Nachrichten erneut senden</translation>
    </message>
    <message>
        <source>Manage endpoints</source>
        <translation>Endpunkte verwalten</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Expire All</source>
        <translation>Alle ablaufen lassen</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>Art: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Subjekt: %1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Erstellt: %1</translation>
    </message>
    <message>
        <source>Expires: %1</source>
        <translation>Läuft ab: %1</translation>
    </message>
    <message>
        <source>Last used: %1</source>
        <translation>Zuletzt benutzt: %1</translation>
    </message>
    <message>
        <source>Revoked: %1</source>
        <translation>Widerrufen: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Scopes: %1</source>
        <translation>Bereiche: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>TokenFilterBar</name>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>Filter (Strg+F)</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Not expired</source>
        <translation>Nicht abgelaufen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
</context>
<context>
    <name>TokenIdentifier</name>
    <message>
        <source>This exact value: TokenDesk created it (fingerprint match).</source>
        <translation>Genau dieser Wert: TokenDesk hat ihn erstellt (Fingerabdruck stimmt überein).</translation>
    </message>
    <message>
        <source>The token&apos;s id claim names a token TokenDesk created; the value itself differs from the one TokenDesk saw (the signature is not checked).</source>
        <translation>Der ID-Claim des Tokens nennt ein Token, das TokenDesk erstellt hat; der Wert selbst unterscheidet sich von dem, den TokenDesk gesehen hat (die Signatur wird nicht geprüft).</translation>
    </message>
    <message>
        <source>The token&apos;s id claim names a token the service lists now; it may have been created by another client (the signature is not checked).</source>
        <translation>Der ID-Claim des Tokens nennt ein Token, das der Dienst jetzt auflistet; es kann von einem anderen Client erstellt worden sein (die Signatur wird nicht geprüft).</translation>
    </message>
</context>
<context>
    <name>TokenListModel</name>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1
id: %2</source>
        <translation>%1
ID: %2</translation>
    </message>
    <message>
        <source>This token never expires (or its expiry is not known).</source>
        <translation>Dieses Token läuft nie ab (oder sein Ablaufdatum ist nicht bekannt).</translation>
    </message>
    <message>
        <source>%1 (local)
%2 (UTC)</source>
        <translation>%1 (Ortszeit)
%2 (UTC)</translation>
    </message>
    <message>
        <source>The token is valid.</source>
        <translation>Das Token ist gültig.</translation>
    </message>
    <message>
        <source>The token expires soon.</source>
        <translation>Das Token läuft bald ab.</translation>
    </message>
    <message>
        <source>The token has expired.</source>
        <translation>Das Token ist abgelaufen.</translation>
    </message>
    <message>
        <source>The token was revoked %1.</source>
        <translation>Das Token wurde %1 widerrufen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>The service reports this token as expired but does not say when, and TokenDesk never saw its expiry time.</source>
        <translation>Der Dienst meldet dieses Token als abgelaufen, sagt aber nicht wann, und TokenDesk hat seinen Ablaufzeitpunkt nie gesehen.</translation>
    </message>
    <message>
        <source>rotating, old one revoked %1</source>
        <translation>wird rotiert, altes wird %1 widerrufen</translation>
    </message>
    <message>
        <source>A successor has replaced this token; it is revoked at %1.</source>
        <translation>Ein Nachfolger hat dieses Token ersetzt; es wird am %1 widerrufen.</translation>
    </message>
</context>
<context>
    <name>TokenNotes</name>
    <message>
        <source>Owner: %1</source>
        <translation>Verantwortlich: %1</translation>
    </message>
    <message>
        <source>used in: %1</source>
        <translation>verwendet in: %1</translation>
    </message>
    <message>
        <source>Cannot read the token notes: %1</source>
        <translation>Die Token-Notizen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot save the token note: %1</source>
        <translation>Die Token-Notiz kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Cannot remove the token note: %1</source>
        <translation>Die Token-Notiz kann nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>Cannot remove the token notes: %1</source>
        <translation>Die Token-Notizen können nicht entfernt werden: %1</translation>
    </message>
</context>
<context>
    <name>TokenNotesDialog</name>
    <message>
        <source>Notes for %1</source>
        <translation>Notizen zu %1</translation>
    </message>
    <message>
        <source>Token notes</source>
        <translation>Token-Notizen</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Person or team responsible</source>
        <translation>Verantwortliche Person oder verantwortliches Team</translation>
    </message>
    <message>
        <source>Where is this used</source>
        <translation>Wo wird es verwendet</translation>
    </message>
    <message>
        <source>Service, host or pipeline</source>
        <translation>Dienst, Host oder Pipeline</translation>
    </message>
    <message>
        <source>Notes stay on this computer. Do not write secrets here.</source>
        <translation>Notizen bleiben auf diesem Computer. Schreiben Sie hier keine Geheimnisse hinein.</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Verantwortlich:</translation>
    </message>
    <message>
        <source>&amp;Where is this used:</source>
        <translation>&amp;Wo wird es verwendet:</translation>
    </message>
</context>
<context>
    <name>TokenOperations</name>
    <message>
        <source>Creating a token</source>
        <translation>Token wird erstellt</translation>
    </message>
    <message>
        <source>Creating a token failed: %1</source>
        <translation>Erstellen des Tokens fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Reading token details</source>
        <translation>Token-Details werden gelesen</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>Art: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Subjekt: %1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Erstellt: %1</translation>
    </message>
    <message>
        <source>Expires: %1</source>
        <translation>Läuft ab: %1</translation>
    </message>
    <message>
        <source>Last used: %1</source>
        <translation>Zuletzt verwendet: %1</translation>
    </message>
    <message>
        <source>Revoked: %1</source>
        <translation>Widerrufen: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Scopes: %1</source>
        <translation>Berechtigungen: %1</translation>
    </message>
    <message>
        <source>Token Details</source>
        <translation>Token-Details</translation>
    </message>
    <message>
        <source>Token id copied.</source>
        <translation>Token-ID kopiert.</translation>
    </message>
    <message>
        <source>Reading the current session</source>
        <translation>Aktuelle Sitzung wird gelesen</translation>
    </message>
    <message>
        <source>Tokens of a User</source>
        <translation>Token eines Benutzers</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Expiring all tokens</source>
        <translation>Alle Token werden abgelaufen</translation>
    </message>
    <message>
        <source>The tokens of %1 expired.</source>
        <translation>Die Token von %1 sind abgelaufen.</translation>
    </message>
    <message>
        <source>The tokens of %1 expire in %2.</source>
        <translation>Die Token von %1 laufen in %2 ab.</translation>
    </message>
    <message>
        <source>Log Out a Token</source>
        <translation>Token abmelden</translation>
    </message>
    <message>
        <source>Paste the token to log out:</source>
        <translation>Fügen Sie das abzumeldende Token ein:</translation>
    </message>
    <message>
        <source>Logging out the token</source>
        <translation>Token wird abgemeldet</translation>
    </message>
    <message>
        <source>The token was logged out.</source>
        <translation>Das Token wurde abgemeldet.</translation>
    </message>
    <message>
        <source>Svix Dashboard Access</source>
        <translation>Svix-Dashboard-Zugang</translation>
    </message>
    <message>
        <source>Application id or uid (the server may no longer offer this older route):</source>
        <translation>Anwendungs-ID oder -UID (der Server bietet diese ältere Route eventuell nicht mehr an):</translation>
    </message>
    <message>
        <source>Dashboard access</source>
        <translation>Dashboard-Zugang</translation>
    </message>
    <message>
        <source>Exchange a One-Time Token</source>
        <translation>Einmal-Token eintauschen</translation>
    </message>
    <message>
        <source>Paste the one-time token (the key=… part of a magic link):</source>
        <translation>Einmal-Token einfügen (der key=…-Teil eines Magic Links):</translation>
    </message>
    <message>
        <source>Exchanging the one-time token</source>
        <translation>Eintauschen des Einmal-Tokens</translation>
    </message>
    <message>
        <source>Portal token from a one-time token</source>
        <translation>Portal-Token aus einem Einmal-Token</translation>
    </message>
    <message>
        <source>Edit Notes</source>
        <translation>Notizen bearbeiten</translation>
    </message>
</context>
<context>
    <name>TokenProvider</name>
    <message>
        <source>Choose what kind of token to create.</source>
        <translation>Wählen Sie, welche Art von Token erstellt werden soll.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 ist erforderlich.</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1 ist länger als %2 Zeichen.</translation>
    </message>
    <message>
        <source>This service cannot check whether it still accepts a token.</source>
        <translation>Dieser Dienst kann nicht prüfen, ob er ein Token noch akzeptiert.</translation>
    </message>
    <message>
        <source>A token value has no spaces, line breaks or characters outside plain ASCII: paste one token.</source>
        <translation>Ein Token-Wert enthält keine Leerzeichen, Zeilenumbrüche oder Zeichen außerhalb von ASCII: Fügen Sie genau ein Token ein.</translation>
    </message>
    <message>
        <source>User (id, external id or email)</source>
        <translation>Benutzer (ID, externe ID oder E-Mail-Adresse)</translation>
    </message>
    <message>
        <source>TokenDesk cannot rotate this kind of token on this service.</source>
        <translation>TokenDesk kann diese Art von Token bei diesem Dienst nicht rotieren.</translation>
    </message>
</context>
<context>
    <name>TokenRevoker</name>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Revoke the token “%1”? Anything using it stops working.</source>
        <translation>Das Token „%1“ widerrufen? Alles, was es verwendet, funktioniert dann nicht mehr.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) revoked.</source>
        <translation>
            <numerusform>%n Token widerrufen.</numerusform>
            <numerusform>%n Token widerrufen.</numerusform>
        </translation>
    </message>
    <message>
        <source>To check that the server rejects it: Tokens → Verify a Revoked Token…</source>
        <translation>Um zu prüfen, dass der Server es ablehnt: Token → Widerrufenes Token prüfen…</translation>
    </message>
    <message>
        <source>%1 revoked, %2 failed:
%3</source>
        <translation>%1 widerrufen, %2 fehlgeschlagen:
%3</translation>
    </message>
    <message>
        <source>Revoke All for a Subject</source>
        <translation>Alle für ein Subjekt widerrufen</translation>
    </message>
    <message>
        <source>Subject in every account (user id, email, uid user@domain, Svix application or session id):</source>
        <translation>Subjekt in jedem Konto (Benutzer-ID, E-Mail, uid benutzer@domain, Svix-Anwendung oder Sitzungs-ID):</translation>
    </message>
    <message>
        <source>Checking every account for “%1”…</source>
        <translation>Jedes Konto wird auf „%1“ geprüft…</translation>
    </message>
    <message>
        <source>Revoking %1</source>
        <translation>Widerruf von %1</translation>
    </message>
</context>
<context>
    <name>TokenRotation</name>
    <message>
        <source>The account is not available.</source>
        <translation>Das Konto ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>The grace period cannot be negative.</source>
        <translation>Die Karenzzeit kann nicht negativ sein.</translation>
    </message>
    <message>
        <source>This account cannot create tokens, so it cannot make a successor.</source>
        <translation>Dieses Konto kann keine Token erstellen und daher keinen Nachfolger anlegen.</translation>
    </message>
    <message>
        <source>This token is already revoked.</source>
        <translation>Dieses Token ist bereits widerrufen.</translation>
    </message>
    <message>
        <source>This token is already being rotated; the old one is revoked at %1.</source>
        <translation>Dieses Token wird bereits rotiert; das alte wird am %1 widerrufen.</translation>
    </message>
    <message>
        <source>A rotation would leave the old token valid. %1</source>
        <translation>Eine Rotation ließe das alte Token gültig. %1</translation>
    </message>
    <message>
        <source>This service cannot revoke the old token.</source>
        <translation>Dieser Dienst kann das alte Token nicht widerrufen.</translation>
    </message>
    <message>
        <source>This service cannot end the old token after a grace period of this length.</source>
        <translation>Dieser Dienst kann das alte Token nicht nach einer Karenzzeit dieser Länge beenden.</translation>
    </message>
    <message>
        <source>kind %1: %2</source>
        <translation>Art %1: %2</translation>
    </message>
    <message>
        <source>new token %1 (&quot;%2&quot;)</source>
        <translation>neues Token %1 („%2“)</translation>
    </message>
    <message>
        <source>this service cannot be asked whether it accepts a token; confirm that the new one is in place</source>
        <translation>dieser Dienst lässt sich nicht fragen, ob er ein Token annimmt; bestätigen Sie, dass das neue eingesetzt ist</translation>
    </message>
    <message>
        <source>confirmed in advance: this service cannot be asked whether it accepts a token</source>
        <translation>im Voraus bestätigt: dieser Dienst lässt sich nicht fragen, ob er ein Token annimmt</translation>
    </message>
    <message>
        <source>the server accepts the new token</source>
        <translation>der Server nimmt das neue Token an</translation>
    </message>
    <message>
        <source>The server does not accept the new token: %1</source>
        <translation>Der Server nimmt das neue Token nicht an: %1</translation>
    </message>
    <message>
        <source>The new token could not be verified: %1</source>
        <translation>Das neue Token konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>the new token was revoked; the old one is untouched</source>
        <translation>das neue Token wurde widerrufen; das alte ist unverändert</translation>
    </message>
    <message>
        <source>the new token could not be revoked: %1</source>
        <translation>das neue Token konnte nicht widerrufen werden: %1</translation>
    </message>
    <message>
        <source>Revoking the new token failed too (%1): revoke %2 yourself; the old one is untouched.</source>
        <translation>Auch das Widerrufen des neuen Tokens schlug fehl (%1): Widerrufen Sie %2 selbst; das alte ist unverändert.</translation>
    </message>
    <message>
        <source>the user confirmed the new token is in place</source>
        <translation>der Benutzer hat bestätigt, dass das neue Token eingesetzt ist</translation>
    </message>
    <message>
        <source>The rotation was cancelled before the new token was confirmed.</source>
        <translation>Die Rotation wurde abgebrochen, bevor das neue Token bestätigt war.</translation>
    </message>
    <message>
        <source>The rotation could not be kept in the ledger (%1); the old token was not revoked.</source>
        <translation>Die Rotation konnte nicht im Verzeichnis gespeichert werden (%1); das alte Token wurde nicht widerrufen.</translation>
    </message>
    <message>
        <source>the old token stays valid until %1</source>
        <translation>das alte Token bleibt bis %1 gültig</translation>
    </message>
    <message>
        <source>no grace period</source>
        <translation>keine Karenzzeit</translation>
    </message>
    <message>
        <source>The new token %1 works, but the old one could not be expired: %2</source>
        <translation>Das neue Token %1 funktioniert, aber das alte konnte nicht beendet werden: %2</translation>
    </message>
    <message>
        <source>the service ends session %1 at %2</source>
        <translation>der Dienst beendet die Sitzung %1 am %2</translation>
    </message>
    <message>
        <source>the old token is gone</source>
        <translation>das alte Token ist entfernt</translation>
    </message>
    <message>
        <source>new token %1; the old one is revoked</source>
        <translation>neues Token %1; das alte ist widerrufen</translation>
    </message>
    <message>
        <source>the service ended the old token at %1; it cannot be asked about it without its value</source>
        <translation>der Dienst hat das alte Token am %1 beendet; ohne seinen Wert lässt er sich dazu nicht fragen</translation>
    </message>
    <message>
        <source>this service cannot be asked about a token without its value</source>
        <translation>dieser Dienst lässt sich ohne den Wert eines Tokens nicht dazu fragen</translation>
    </message>
    <message>
        <source>rejected by the server</source>
        <translation>vom Server abgelehnt</translation>
    </message>
    <message>
        <source>The server still reports the old token as active.</source>
        <translation>Der Server meldet das alte Token noch als aktiv.</translation>
    </message>
    <message>
        <source>could not verify: %1</source>
        <translation>konnte nicht prüfen: %1</translation>
    </message>
    <message>
        <source>The account is no longer available.</source>
        <translation>Das Konto ist nicht mehr verfügbar.</translation>
    </message>
    <message>
        <source>the server no longer knows the old token</source>
        <translation>der Server kennt das alte Token nicht mehr</translation>
    </message>
    <message>
        <source>The new token %1 works, but the old one could not be revoked: %2</source>
        <translation>Das neue Token %1 funktioniert, aber das alte konnte nicht widerrufen werden: %2</translation>
    </message>
    <message>
        <source>the old token was revoked</source>
        <translation>das alte Token wurde widerrufen</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>TokenDesk tray menu</source>
        <translation>TokenDesk-Menü im Infobereich</translation>
    </message>
    <message>
        <source>&amp;Show TokenDesk</source>
        <translation>TokenDesk &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>TokenDesk</source>
        <translation>TokenDesk</translation>
    </message>
    <message>
        <source>TokenDesk is still running</source>
        <translation>TokenDesk läuft weiter</translation>
    </message>
    <message>
        <source>Expiry alerts keep coming. Quit from the tray menu or with File → Quit.</source>
        <translation>Ablaufwarnungen kommen weiterhin. Beenden Sie über das Menü im Infobereich oder mit Datei → Beenden.</translation>
    </message>
</context>
<context>
    <name>TypedConfirmation</name>
    <message>
        <source>Confirmation</source>
        <translation>Bestätigung</translation>
    </message>
    <message>
        <source>To confirm, type %1: %2</source>
        <translation>Zur Bestätigung geben Sie %1 ein: %2</translation>
    </message>
</context>
<context>
    <name>VerifyTokenDialog</name>
    <message>
        <source>Verify a Revoked Token</source>
        <translation>Widerrufenes Token prüfen</translation>
    </message>
    <message>
        <source>Paste the value of the token you revoked. The service is asked whether it still accepts it; the value is not kept.</source>
        <translation>Fügen Sie den Wert des widerrufenen Tokens ein. Der Dienst wird gefragt, ob er es noch akzeptiert; der Wert wird nicht aufbewahrt.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>The value of the token to check; it is cleared after the check.</source>
        <translation>Der Wert des zu prüfenden Tokens; er wird nach der Prüfung gelöscht.</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The account is no longer open.</source>
        <translation>Das Konto ist nicht mehr geöffnet.</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>%1 wird gefragt…</translation>
    </message>
    <message>
        <source>Could not check the token: %1</source>
        <translation>Das Token konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source> (token %1)</source>
        <translation> (Token %1)</translation>
    </message>
    <message>
        <source>rejected by the server ✓%1</source>
        <translation>vom Server abgelehnt ✓%1</translation>
    </message>
    <message>
        <source>⚠ Still accepted by the server%1. %2</source>
        <translation>⚠ Vom Server noch akzeptiert%1. %2</translation>
    </message>
    <message>
        <source>Not sure%1: %2</source>
        <translation>Nicht sicher%1: %2</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>No accounts</source>
        <translation>Keine Konten</translation>
    </message>
    <message>
        <source>TokenDesk logo</source>
        <translation>TokenDesk-Logo</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Try the sandbox</source>
        <translation>Sandbox ausprobieren</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to TokenDesk&lt;/h2&gt;&lt;p&gt;Add an account of a service to see and manage its tokens, or try every feature on the built-in sandbox first.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Willkommen bei TokenDesk&lt;/h2&gt;&lt;p&gt;Fügen Sie ein Konto eines Dienstes hinzu, um dessen Token zu sehen und zu verwalten, oder probieren Sie zuerst jede Funktion in der eingebauten Sandbox aus.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;New Account…</source>
        <translation>&amp;Neues Konto…</translation>
    </message>
    <message>
        <source>&amp;Edit Account…</source>
        <translation>Konto &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove Account…</source>
        <translation>Konto &amp;entfernen…</translation>
    </message>
    <message>
        <source>Sign &amp;In…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>New &amp;Token…</source>
        <translation>Neues &amp;Token…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <source>&amp;Verify a Revoked Token…</source>
        <translation>Widerrufenes Token &amp;prüfen…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Details…</translation>
    </message>
    <message>
        <source>&amp;Copy Id</source>
        <translation>ID &amp;kopieren</translation>
    </message>
    <message>
        <source>Inspect &amp;JWT…</source>
        <translation>&amp;JWT untersuchen…</translation>
    </message>
    <message>
        <source>Current &amp;Session…</source>
        <translation>Aktuelle &amp;Sitzung…</translation>
    </message>
    <message>
        <source>Tokens of a &amp;User…</source>
        <translation>Token eines &amp;Benutzers…</translation>
    </message>
    <message>
        <source>Revoke &amp;All for a Subject…</source>
        <translation>&amp;Alle für ein Subjekt widerrufen…</translation>
    </message>
    <message>
        <source>E&amp;xpire All…</source>
        <translation>Alle a&amp;blaufen lassen…</translation>
    </message>
    <message>
        <source>&amp;Log Out a Token…</source>
        <translation>Token ab&amp;melden…</translation>
    </message>
    <message>
        <source>Svix: Dash&amp;board Access…</source>
        <translation>Svix: Dash&amp;board-Zugang…</translation>
    </message>
    <message>
        <source>Svix: Exchange a One-Time To&amp;ken…</source>
        <translation>Svix: &amp;Einmal-Token eintauschen…</translation>
    </message>
    <message>
        <source>Edit &amp;Notes…</source>
        <translation>&amp;Notizen bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>A&amp;ll Accounts</source>
        <translation>A&amp;lle Konten</translation>
    </message>
    <message>
        <source>&amp;Identify…</source>
        <translation>&amp;Identifizieren…</translation>
    </message>
    <message>
        <source>&amp;Audit Log…</source>
        <translation>&amp;Prüfprotokoll…</translation>
    </message>
    <message>
        <source>Scan for &amp;Leaked Tokens…</source>
        <translation>Nach ge&amp;leakten Tokens suchen…</translation>
    </message>
    <message>
        <source>Export Expiry &amp;Calendar…</source>
        <translation>Ablauf&amp;kalender exportieren…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>&amp;Tokens</source>
        <translation>&amp;Token</translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>R&amp;otate…</source>
        <translation>R&amp;otieren…</translation>
    </message>
    <message>
        <source>Select one token to rotate.</source>
        <translation>Wählen Sie ein Token zum Rotieren aus.</translation>
    </message>
    <message>
        <source>Rotation is not available here.</source>
        <translation>Rotieren ist hier nicht verfügbar.</translation>
    </message>
    <message>
        <source>Replace the token by a new one with its settings; the old one is revoked after a grace period</source>
        <translation>Das Token durch ein neues mit denselben Einstellungen ersetzen; das alte wird nach einer Übergangszeit widerrufen</translation>
    </message>
    <message>
        <source>&amp;Command Palette…</source>
        <translation>&amp;Befehlspalette…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About TokenDesk</source>
        <translation>Über &amp;TokenDesk</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Choose one account in the sidebar: this acts on one account.</source>
        <translation>Wählen Sie ein Konto in der Seitenleiste: Dies wirkt auf ein einzelnes Konto.</translation>
    </message>
    <message>
        <source>Choose an account in the sidebar first.</source>
        <translation>Wählen Sie zuerst ein Konto in der Seitenleiste.</translation>
    </message>
    <message>
        <source>This account&apos;s service does not offer this.</source>
        <translation>Der Dienst dieses Kontos bietet das nicht an.</translation>
    </message>
    <message>
        <source>This service is not available in this build.</source>
        <translation>Dieser Dienst ist in diesem Build nicht verfügbar.</translation>
    </message>
    <message>
        <source>Select one token first.</source>
        <translation>Wählen Sie zuerst ein Token aus.</translation>
    </message>
    <message>
        <source>Select one or more tokens first.</source>
        <translation>Wählen Sie zuerst ein oder mehrere Token aus.</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <source>Add an account first.</source>
        <translation>Fügen Sie zuerst ein Konto hinzu.</translation>
    </message>
    <message>
        <source>This token has no id to keep a note by.</source>
        <translation>Dieses Token hat keine ID, unter der eine Notiz gespeichert werden kann.</translation>
    </message>
    <message>
        <source>The open-source Svix server does not offer one-time tokens.</source>
        <translation>Der Open-Source-Svix-Server bietet keine Einmal-Token an.</translation>
    </message>
</context>
<context>
    <name>WireJson</name>
    <message>
        <source>%1 sent a reply TokenDesk cannot read.</source>
        <translation>%1 hat eine Antwort gesendet, die TokenDesk nicht lesen kann.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>cannot create the configuration folder %1</source>
        <translation>der Konfigurationsordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>This account&apos;s service is not supported.</source>
        <translation>Der Dienst dieses Kontos wird nicht unterstützt.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Issue, audit and revoke API tokens across services.</source>
        <translation>API-Token über mehrere Dienste hinweg ausstellen, prüfen und widerrufen.</translation>
    </message>
    <message>
        <source>Start on the built-in sandbox with demo accounts (nothing is saved).</source>
        <translation>Mit der eingebauten Sandbox und Demo-Konten starten (nichts wird gespeichert).</translation>
    </message>
    <message>
        <source>Use DIR for settings, accounts and the local database (also TOKENDESK_CONFIG_DIR).</source>
        <translation>DIR für Einstellungen, Konten und die lokale Datenbank verwenden (auch TOKENDESK_CONFIG_DIR).</translation>
    </message>
    <message>
        <source>Use the language LANG (e.g. de, en) instead of the system&apos;s.</source>
        <translation>Die Sprache LANG (z. B. de, en) statt der des Systems verwenden.</translation>
    </message>
</context>
</TS>
