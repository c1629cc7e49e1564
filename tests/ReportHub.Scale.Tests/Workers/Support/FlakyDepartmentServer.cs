using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace ReportHub.Scale.Tests.Workers.Support;

/// <summary>
/// A loopback department server: each file answers 503 twice before it is served with an ETag, and then answers
/// 304 to a request that carries that ETag in If-None-Match.
/// </summary>
public sealed class FlakyDepartmentServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, byte[]> _files;
    private readonly Task _loop;

    public FlakyDepartmentServer(Dictionary<string, byte[]> files, int failuresFirst = 2)
    {
        _files = files;
        FailuresFirst = failuresFirst;
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            try
            {
                _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                _listener.Prefixes.Clear();
            }
        }
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public int FailuresFirst { get; }

    public string Url(string name) => $"http://127.0.0.1:{Port}/{name}";

    /// <summary>Per path: every status code answered, in order.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<int>> Answers { get; } = new(StringComparer.Ordinal);

    private static string ETagOf(byte[] content) => "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..16] + "\"";

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var name = context.Request.Url!.AbsolutePath.TrimStart('/');
            var answers = Answers.GetOrAdd(name, _ => new ConcurrentQueue<int>());
            var response = context.Response;
            int status;
            if (!_files.TryGetValue(name, out var content))
            {
                status = 404;
            }
            else if (answers.Count(a => a == 503) < FailuresFirst)
            {
                status = 503;
            }
            else if (context.Request.Headers["If-None-Match"] == ETagOf(content))
            {
                status = 304;
            }
            else
            {
                status = 200;
            }
            answers.Enqueue(status);
            response.StatusCode = status;
            if (status == 200)
            {
                response.Headers["ETag"] = ETagOf(content!);
                response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                response.ContentLength64 = content!.Length;
                await response.OutputStream.WriteAsync(content);
            }
            else if (status == 304)
            {
                response.Headers["ETag"] = ETagOf(content!);
            }
            response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}
