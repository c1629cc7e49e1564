namespace ReportHub.Api.Infrastructure;

/// <summary>
/// An address under a folder of the web root (/css, /js) that names no file is 404 at once. Left to go on, it would
/// meet the sign-in requirement and answer with a redirect to the sign-in page, which a browser loading a stylesheet
/// cannot use and which hides a missing file behind a login.
/// </summary>
public static class StaticFileFolders
{
    public static WebApplication UseMissingStaticFilesAsNotFound(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var folders = app.Environment.WebRootFileProvider.GetDirectoryContents("")
            .Where(entry => entry.IsDirectory)
            .Select(entry => "/" + entry.Name)
            .ToArray();
        app.Use(async (context, next) =>
        {
            if (folders.Any(folder => context.Request.Path.StartsWithSegments(folder, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next(context);
        });
        return app;
    }
}
