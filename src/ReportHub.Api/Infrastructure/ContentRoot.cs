namespace ReportHub.Api.Infrastructure;

/// <summary>
/// Where the server finds its web root (style, scripts) and settings files. By default that is the current folder,
/// which is right for <c>dotnet run</c> in the project but wrong for a published build started from anywhere else:
/// the stylesheet would then be an unknown address, answered with the sign-in page. So when the current folder has no
/// wwwroot and the application's own folder has one, the application's folder is the content root. A content root
/// given on purpose (--contentRoot, ASPNETCORE_CONTENTROOT, DOTNET_CONTENTROOT) is left alone.
/// </summary>
public static class ContentRoot
{
    public static WebApplicationOptions Options(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var given = args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        var installed = AppContext.BaseDirectory;
        var useInstalled = !given
            && !Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot"))
            && Directory.Exists(Path.Combine(installed, "wwwroot"));
        return new WebApplicationOptions { Args = args, ContentRootPath = useInstalled ? installed : null };
    }
}
