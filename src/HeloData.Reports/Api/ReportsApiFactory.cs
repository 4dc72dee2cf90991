using HeloData.Reports.Serialization;
using Refit;

namespace HeloData.Reports.Api;

/// <summary>Creates the source-generated <see cref="IReportsApi"/> over a configured <see cref="HttpClient"/>.</summary>
internal static class ReportsApiFactory
{
    /// <summary>
    /// Creates the client. <paramref name="httpClient"/> must already carry the base address and
    /// the <see cref="Http.ApiKeyHandler"/>; the API key is never added here.
    /// </summary>
    public static IReportsApi Create(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        return RestService.ForGenerated<IReportsApi>(httpClient, Settings);
    }

    /// <summary>The most characters of an error body Refit reads; a hostile body cannot exhaust memory.</summary>
    internal const int MaxErrorBodyLength = 16 * 1024;

    // Built once: settings and serializer are immutable in use and shared by every call.
    private static readonly RefitSettings Settings = CreateSettings();

    private static RefitSettings CreateSettings()
    {
        // The context's own options (snake_case, converters) drive serialization; reflection is off.
        var settings = RefitSettings.ForJsonContext(ReportsJsonContext.Default);

        // Buffered bodies carry Content-Length and can be replayed by a retry handler.
        settings.Buffered = true;
        settings.MaxExceptionContentLength = MaxErrorBodyLength;
        return settings;
    }
}
