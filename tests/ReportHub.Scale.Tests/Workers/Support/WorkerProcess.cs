using System.Diagnostics;
using System.Text;
using ReportHub.Scale.Tests.Support;

namespace ReportHub.Scale.Tests.Workers.Support;

/// <summary>The built <c>reporthub</c> binary run as a separate process, with its output captured.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();

    private WorkerProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public static string Binary
    {
        get
        {
            var dll = Path.Combine(RepoPaths.Root, "artifacts", "bin", "ReportHub.Ingest", "debug", "reporthub.dll");
            if (!File.Exists(dll))
            {
                throw new InvalidOperationException($"{dll} is missing: build src/ReportHub.Ingest first");
            }
            return dll;
        }
    }

    public static WorkerProcess Start(string name, string workingDirectory, params IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(Binary);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process, name);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (worker._out) { worker._out.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (worker._err) { worker._err.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    public static async Task<(int Code, string Out, string Err)> RunAsync(string workingDirectory, TimeSpan timeout, params IEnumerable<string> args)
    {
        using var p = Start("run", workingDirectory, args);
        var code = await p.WaitAsync(timeout);
        return (code, p.Out, p.Err);
    }

    public string Out
    {
        get
        {
            lock (_out)
            {
                return _out.ToString();
            }
        }
    }

    public string Err
    {
        get
        {
            lock (_err)
            {
                return _err.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Name} did not exit within {timeout}.\nstderr:\n{Tail(Err)}");
        }
        return _process.ExitCode;
    }

    public async Task WaitForAsync(string text, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!Err.Contains(text, StringComparison.Ordinal) && !Out.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > until || _process.HasExited)
            {
                throw new TimeoutException($"{Name} did not write “{text}” (exited: {_process.HasExited}).\nstderr:\n{Tail(Err)}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>kill -9.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: true);

    /// <summary>kill -TERM, as a service manager stops a worker.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public static string Tail(string text, int chars = 6000) => text.Length <= chars ? text : text[^chars..];

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
