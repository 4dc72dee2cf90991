using Refit;

namespace HeloData.Reports.Api;

/// <summary>Gives the client an <see cref="IReportsApi"/> for each call.</summary>
internal abstract class ReportsApiSource
{
    public abstract IReportsApi Get();

    /// <summary>
    /// An <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/>, renewed every
    /// <see cref="Renewal"/>: well inside the factory's handler lifetime (2 minutes by default), so
    /// handlers still rotate (DNS changes) although the client is a singleton, without paying for a
    /// new HttpClient and Refit client on every call.
    /// </summary>
    public sealed class FromFactory(IHttpClientFactory factory, string clientName, TimeProvider timeProvider) : ReportsApiSource
    {
        internal static readonly TimeSpan Renewal = TimeSpan.FromMinutes(1);

        private volatile Lease? _current;

        public override IReportsApi Get()
        {
            var lease = _current;
            if (lease is null || timeProvider.GetElapsedTime(lease.Created) >= Renewal)
            {
                // A race here only builds one client too many; both work.
                lease = new Lease(ReportsApiFactory.Create(factory.CreateClient(clientName)), timeProvider.GetTimestamp());
                _current = lease;
            }

            return lease.Api;
        }

        private sealed record Lease(IReportsApi Api, long Created);
    }

    /// <summary>One long-lived <see cref="HttpClient"/>, for the client built without DI.</summary>
    public sealed class Fixed(IReportsApi api) : ReportsApiSource
    {
        public override IReportsApi Get() => api;
    }
}
