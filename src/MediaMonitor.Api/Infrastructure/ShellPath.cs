namespace MediaMonitor.Infrastructure;

public static class ShellPath
{
    /// <summary>
    /// A path as the user typed it. `dotnet run` with a launch profile starts the program in the project folder,
    /// not where the command was typed; the shell's PWD says where that was.
    /// </summary>
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path) || Directory.Exists(path)) return path;
        var shell = Environment.GetEnvironmentVariable("PWD");
        return shell is null ? path : Path.GetFullPath(Path.Combine(shell, path));
    }
}
