using Refit;

namespace HeloData.Reports.Api;

/// <summary>Gives the client an <see cref="IReportsApi"/> for each call.</summary>
internal abstract class ReportsApiSource
{
    public abstract IReportsApi Get();

    /// <summary>
    /// A fresh <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/> per call, so the factory
    /// keeps rotating handlers (DNS changes) even though the client itself is a singleton.
    /// </summary>
    public sealed class FromFactory(IHttpClientFactory factory, string clientName) : ReportsApiSource
    {
        public override IReportsApi Get() => ReportsApiFactory.Create(factory.CreateClient(clientName));
    }

    /// <summary>One long-lived <see cref="HttpClient"/>, for the client built without DI.</summary>
    public sealed class Fixed(IReportsApi api) : ReportsApiSource
    {
        public override IReportsApi Get() => api;
    }
}
