using System.Net;
using System.Net.Sockets;

namespace ReportHub.Testing.App;

/// <summary>
/// A TCP relay on 127.0.0.1 whose connections onward leave from another loopback address, so that a browser (which
/// cannot choose its source address) reaches a server as a second client. Linux gives a connection to 127.0.0.2
/// the source 127.0.0.1 unless the socket is bound first, which only the relay can do.
/// </summary>
public sealed class LoopbackRelay : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly IPAddress _from;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private LoopbackRelay(IPEndPoint target, IPAddress from)
    {
        _target = target;
        _from = from;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Relays to <paramref name="target"/> (a server's http address) from <paramref name="from"/>, e.g. 127.0.0.2.</summary>
    public static LoopbackRelay Start(Uri target, IPAddress from)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new LoopbackRelay(new IPEndPoint(IPAddress.Parse(target.Host), target.Port), from);
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            try
            {
                upstream.Bind(new IPEndPoint(_from, 0));
                await upstream.ConnectAsync(_target, _stop.Token);
                await using var server = new NetworkStream(upstream, ownsSocket: false);
                var browser = client.GetStream();
                // Either side closing ends the pair.
                await Task.WhenAny(browser.CopyToAsync(server, _stop.Token), server.CopyToAsync(browser, _stop.Token));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
