using Refit;

namespace HeloData.Reports.Api;

/// <summary>Gives the client an <see cref="IReportsApi"/> for each call.</summary>
internal abstract class ReportsApiSource
{
    public abstract IReportsApi Get();

    /// <summary>
    /// An <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/>, renewed every
    /// <see cref="Renewal"/>: within the factory's handler lifetime, so handlers still rotate (DNS
    /// changes) although the client is a singleton, without paying for a new HttpClient and Refit
    /// client on every call.
    /// </summary>
    public sealed class FromFactory(IHttpClientFactory factory, string clientName, TimeProvider timeProvider, TimeSpan renewal) : ReportsApiSource
    {
        /// <summary>The longest a client is kept, whatever the handler lifetime.</summary>
        internal static readonly TimeSpan MaxRenewal = TimeSpan.FromMinutes(1);

        private volatile Lease? _current;

        public TimeSpan Renewal { get; } = renewal;

        /// <summary>
        /// How often to renew for a given handler lifetime: half of it (so a rotated handler is picked up
        /// within half a lifetime of its rotation), at most <see cref="MaxRenewal"/>.
        /// </summary>
        public static TimeSpan RenewalFor(TimeSpan handlerLifetime) =>
            handlerLifetime == Timeout.InfiniteTimeSpan || handlerLifetime / 2 >= MaxRenewal ? MaxRenewal : handlerLifetime / 2;

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
