using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MediaMonitor.Postgres;

/// <summary>
/// A private PostgreSQL server started from the binaries on PATH (initdb, pg_ctl), for machines without a
/// configured database or a Docker engine. PostgreSQL refuses to run as root, so as root the server runs
/// as the <c>postgres</c> OS user. The server listens on a free port of 127.0.0.1 and is stopped on dispose
/// and when the process exits.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private readonly string _dataDirectory;
    private readonly string? _socketDirectory;
    private readonly bool _throwaway;
    private readonly bool _owned;
    private int _stopped;

    private LocalPostgres(string dataDirectory, string? socketDirectory, int port, bool throwaway, bool owned)
    {
        _dataDirectory = dataDirectory;
        _socketDirectory = socketDirectory;
        Port = port;
        _throwaway = throwaway;
        _owned = owned;
        if (owned) AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
    }

    public int Port { get; }

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    /// <summary>Starts a server on <paramref name="dataDirectory"/>, creating the cluster on first use.</summary>
    /// <param name="throwaway">Delete the data when the server stops (tests).</param>
    public static async Task<LocalPostgres> StartAsync(string dataDirectory, bool throwaway, CancellationToken ct = default)
    {
        var initdb = FindOnPath("initdb") ?? throw new PostgresUnavailableException(
            "No PostgreSQL to use: initdb is not on PATH, so a private server cannot be started. Either set the connection " +
            "string ConnectionStrings:Postgres (environment: ConnectionStrings__Postgres=\"Host=...;Username=...;Password=...;Database=...\"), " +
            "or install the PostgreSQL server binaries (e.g. apt-get install postgresql, then put /usr/lib/postgresql/<version>/bin on PATH), " +
            "or run the service with `docker compose up` (the tests use Testcontainers where a Docker engine answers).");
        var runAsPostgres = RunAsPostgres;

        if (!Directory.Exists(dataDirectory))
        {
            Directory.CreateDirectory(dataDirectory);
            // initdb fills an empty folder its user owns; only that folder is handed over, nothing above it.
            if (runAsPostgres) await RunAsync("chown", ["postgres", dataDirectory], false, ct);
        }

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await RunAsync(initdb,
                ["-D", dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                runAsPostgres, ct);
        }
        else if (RunningServerPort(dataDirectory) is { } runningPort)
        {
            // Another process of ours (the service, while the ingest command runs) started it: share it, and
            // leave stopping it to that process. A server whose owner died is taken over.
            var owner = OwnerFile(dataDirectory);
            if (File.Exists(owner) && int.TryParse(await File.ReadAllTextAsync(owner, ct), out var pid) && IsAlive(pid))
            {
                return new LocalPostgres(dataDirectory, null, runningPort, throwaway, owned: false);
            }
            await File.WriteAllTextAsync(owner, Environment.ProcessId.ToString(), ct);
            return new LocalPostgres(dataDirectory, null, runningPort, throwaway, owned: true);
        }

        var port = FreePort();
        // The default socket folder (/var/run/postgresql) is not writable here; a private one (random name,
        // mode 0700, short enough for a socket path) is.
        var socketDirectory = Directory.CreateTempSubdirectory("mm-pg-").FullName;
        if (runAsPostgres)
        {
            await RunAsync("chown", ["postgres", socketDirectory], false, ct);
        }

        var server = new LocalPostgres(dataDirectory, socketDirectory, port, throwaway, owned: true);
        await server.StartServerAsync(ct);
        await File.WriteAllTextAsync(OwnerFile(dataDirectory), Environment.ProcessId.ToString(), ct);
        return server;
    }

    /// <summary>Starts the server (again, after <see cref="StopServerAsync"/>) on the same port and data.</summary>
    public async Task StartServerAsync(CancellationToken ct = default)
    {
        // Durability is traded for speed only where the data is thrown away anyway (tests).
        var durability = _throwaway ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" : "";
        var options = $"-p {Port} -h 127.0.0.1 -k {_socketDirectory} -c max_connections=200{durability}";
        await RunAsync(PgCtl(),
            ["-D", _dataDirectory, "-l", Path.Combine(_dataDirectory, "server.log"), "-o", options, "-w", "-t", "60", "start"],
            RunAsPostgres, ct);
    }

    /// <summary>Shuts the server down as an operator would (fast: open sessions are ended), keeping its data, for
    /// tests of what clients see while it is away.</summary>
    public Task StopServerAsync(CancellationToken ct = default) =>
        RunAsync(PgCtl(), ["-D", _dataDirectory, "-m", "fast", "-w", "stop"], RunAsPostgres, ct);

    /// <summary>PostgreSQL refuses to run as root: as root, its tools run as the postgres user.</summary>
    private static bool RunAsPostgres => Environment.UserName == "root" || Environment.IsPrivilegedProcess;

    private static string PgCtl() => Path.Combine(Path.GetDirectoryName(FindOnPath("initdb")!)!, "pg_ctl");

    private static string OwnerFile(string dataDirectory) => dataDirectory.TrimEnd('/') + ".owner";

    /// <summary>The port of a server running on this data folder (postmaster.pid, line 4), if its process is alive.</summary>
    private static int? RunningServerPort(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        var lines = File.ReadAllLines(pidFile);
        return lines.Length > 3 && int.TryParse(lines[0], out var pid) && IsAlive(pid) && int.TryParse(lines[3], out var port)
            ? port
            : null;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private void Stop()
    {
        if (!_owned || Interlocked.Exchange(ref _stopped, 1) == 1) return;
        // A throwaway server is killed; a kept one shuts down cleanly, so nothing it acknowledged is lost.
        RunAsync(PgCtl(), ["-D", _dataDirectory, "-m", _throwaway ? "immediate" : "fast", "-w", "stop"], RunAsPostgres,
                CancellationToken.None, throwOnFailure: false)
            .GetAwaiter().GetResult();
        File.Delete(OwnerFile(_dataDirectory));
        if (_socketDirectory is not null)
        {
            try { Directory.Delete(_socketDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        if (_throwaway)
        {
            try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    private static async Task RunAsync(string program, string[] arguments, bool asPostgres, CancellationToken ct, bool throwOnFailure = true)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgres ? "runuser" : program,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The server must not inherit a working folder that the postgres user cannot read.
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(a);
        }
        foreach (var a in arguments) start.ArgumentList.Add(a);

        using var process = Process.Start(start) ?? throw new PostgresUnavailableException($"Could not start {program}.");
        // pg_ctl start leaves the server holding inherited pipes: read to the end only what exits with the tool.
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0 && throwOnFailure)
        {
            await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(2), ct));
            var output = (stderr.IsCompletedSuccessfully ? stderr.Result : "") + (stdout.IsCompletedSuccessfully ? stdout.Result : "");
            throw new PostgresUnavailableException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {output.Trim()}");
        }
    }
}
