using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using ReportHub.Testing.Repo;

namespace ReportHub.Testing.Mail;

/// <summary>
/// The real SMTP server the reminder tests send to: Debian's aiosmtpd with its Maildir handler. test.sh starts one
/// and names it in <c>REPORTHUB_TEST_SMTP</c> (host:port) and <c>REPORTHUB_TEST_MAILDIR</c>; without them, outside
/// CI, this process starts its own on a free loopback port, stopped by a watchdog once the test process ends. Under
/// CI=true the variables must be set: the tests fail saying so, never skip.
/// </summary>
public sealed class SmtpServer
{
    public const string Variable = "REPORTHUB_TEST_SMTP";
    public const string MaildirVariable = "REPORTHUB_TEST_MAILDIR";
    private const string Python = "/usr/bin/python3";

    private static readonly Lazy<Task<SmtpServer>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private SmtpServer(string host, int port, string maildir, string origin)
    {
        Host = host;
        Port = port;
        Maildir = maildir;
        Origin = origin;
    }

    public string Host { get; }
    public int Port { get; }
    public string Maildir { get; }

    /// <summary>Where the server came from, for failure messages.</summary>
    public string Origin { get; }

    public static Task<SmtpServer> GetAsync() => Shared.Value;

    /// <summary>The Mail:* and Site:* settings of an API that sends through this server.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings(string baseUrl = "https://baocao.example.vn") =>
    [
        new("Mail:Host", Host),
        new("Mail:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Mail:From", "ReportHub <reporthub@baocao.example.vn>"),
        new("Mail:Security", "None"),
        new("Site:BaseUrl", baseUrl),
    ];

    /// <summary>An address nobody else in the suite uses, so a test reads back only its own mail.</summary>
    public static string NewAddress(string name = "vanthu") => $"{name}-{Guid.NewGuid():N}@donvi.example.vn";

    /// <summary>Every message delivered so far to <paramref name="address"/>.</summary>
    public IReadOnlyList<MimeMessage> MessagesTo(string address)
    {
        var list = new List<MimeMessage>();
        foreach (var folder in new[] { "new", "cur" }.Select(f => Path.Combine(Maildir, f)).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                MimeMessage message;
                try
                {
                    message = MimeMessage.Load(file);
                }
                catch (IOException)
                {
                    continue;
                }
                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
                {
                    list.Add(message);
                }
            }
        }
        return list;
    }

    private static async Task<SmtpServer> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable(Variable);
        var maildir = Environment.GetEnvironmentVariable(MaildirVariable);
        SmtpServer server;
        if (!string.IsNullOrWhiteSpace(given))
        {
            if (string.IsNullOrWhiteSpace(maildir))
            {
                throw new InvalidOperationException($"{Variable} is set ({given}) but {MaildirVariable} is not: the tests cannot read the delivered mail.");
            }
            var colon = given.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(given[(colon + 1)..], out var port))
            {
                throw new InvalidOperationException($"{Variable} must be host:port, not “{given}”.");
            }
            server = new SmtpServer(given[..colon], port, maildir, $"{Variable} ({given})");
        }
        else if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"CI=true but {Variable} and {MaildirVariable} are not set: run the tests through ./test.sh, which starts the SMTP server (aiosmtpd).");
        }
        else
        {
            server = StartOwn();
        }
        await WaitForAsync(server);
        return server;
    }

    private static SmtpServer StartOwn()
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"No {Python}: install python3-aiosmtpd (apt-get install python3-aiosmtpd) or run ./test.sh.");
        }
        var folder = RepoPaths.NewTempFolder("rh-smtp");
        var maildir = Path.Combine(folder, "maildir");
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }
        // The server lives as long as this test process: the watchdog stops it and removes its mail afterwards.
        var script = $"'{Python}' -m aiosmtpd -n -l 127.0.0.1:{port} -c aiosmtpd.handlers.Mailbox '{maildir}' >'{folder}/smtp.log' 2>&1 & smtp=$!; " +
            $"while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 $smtp 2>/dev/null; do sleep 1; done; kill $smtp 2>/dev/null; rm -rf '{folder}'";
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardInput = true };
        foreach (var a in (string[])["/bin/sh", "-c", script])
        {
            info.ArgumentList.Add(a);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("setsid could not start aiosmtpd");
        process.StandardInput.Close();
        return new SmtpServer("127.0.0.1", port, maildir, $"aiosmtpd started by the tests on 127.0.0.1:{port} (log {folder}/smtp.log)");
    }

    private static async Task WaitForAsync(SmtpServer server)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(server.Host, server.Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(200);
            }
            catch (SocketException ex)
            {
                throw new InvalidOperationException($"The SMTP server from {server.Origin} does not answer: {ex.Message}" +
                    " (is python3-aiosmtpd installed? apt-get install python3-aiosmtpd)", ex);
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> messages reached <paramref name="address"/> (delivery is synchronous, so rarely long).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var messages = MessagesTo(address);
            if (messages.Count >= count || DateTime.UtcNow >= until)
            {
                return messages;
            }
            await Task.Delay(100);
        }
    }
}
