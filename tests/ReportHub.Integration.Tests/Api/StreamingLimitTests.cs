using System.Net.Sockets;
using System.Text;
using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests.Api;

/// <summary>Uploads over the limit against real Kestrel: refused while the body streams in, not after buffering it.</summary>
public sealed class StreamingLimitTests
{
    private const int SixtyMegabytes = 60 * 1024 * 1024;

    /// <summary>
    /// Sends a chunked multipart body from a generator, chunk by chunk, and stops as soon as the server answers or
    /// closes. Returns the response head and body as text, and how much was sent.
    /// </summary>
    private static async Task<(string Response, long Sent)> PostChunkedAsync(int port, string key, long bodyBytes, bool announceLength)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        var stream = tcp.GetStream();
        var head = "--rh\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lon.csv\"\r\nContent-Type: text/csv\r\n\r\n";
        var headers = $"POST /api/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {key}\r\nContent-Type: multipart/form-data; boundary=rh\r\n"
            + (announceLength ? $"Content-Length: {bodyBytes}\r\n" : "Transfer-Encoding: chunked\r\n") + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(headers));
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("1,Sở,01,541\r\n", 64 * 1024 / 16)));
        long sent = 0;
        var first = true;
        try
        {
            while (sent < bodyBytes && tcp.Available == 0)
            {
                var data = first ? [.. Encoding.ASCII.GetBytes(head), .. chunk] : chunk;
                first = false;
                if (!announceLength)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"{data.Length:x}\r\n"));
                }
                await stream.WriteAsync(data);
                if (!announceLength)
                {
                    await stream.WriteAsync("\r\n"u8.ToArray());
                }
                sent += data.Length;
            }
        }
        catch (IOException)
        {
            // The server closed the connection after answering.
        }
        var response = new MemoryStream();
        var buffer = new byte[8192];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                await response.WriteAsync(buffer.AsMemory(0, read));
                if (Encoding.UTF8.GetString(response.ToArray()).Contains("}", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
        }
        return (Encoding.UTF8.GetString(response.ToArray()), sent);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SixtyMegabyteUploadIsRefusedWith413WithoutBeingBuffered(bool announceLength)
    {
        await using var api = await ApiProcess.StartAsync(new Dictionary<string, string> { ["Ingest:MaxFileBytes"] = "1048576" });
        var before = api.ResidentBytes();

        var (response, sent) = await PostChunkedAsync(api.Port, await api.AdminKeyAsync(), SixtyMegabytes, announceLength);

        var after = api.ResidentBytes();
        Assert.StartsWith("HTTP/1.1 413", response);
        Assert.Contains("Tệp quá lớn", response);
        Assert.True(sent < SixtyMegabytes / 2, $"sent {sent} bytes before the answer");
        Assert.True(after - before < 30 * 1024 * 1024, $"resident memory grew from {before} to {after}");
    }
}
