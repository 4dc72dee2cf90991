using System.Net.Http.Headers;

namespace HeloData.Reports;

/// <summary>Reads <c>Retry-After</c> in both of its forms: delta-seconds, or an HTTP date.</summary>
internal static class RetryAfter
{
    /// <summary>The wait the header asks for; a date in the past means "now" (zero).</summary>
    public static TimeSpan? From(HttpResponseHeaders? headers, TimeProvider timeProvider)
    {
        var value = headers?.RetryAfter;
        if (value is null)
        {
            return null;
        }

        if (value.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
