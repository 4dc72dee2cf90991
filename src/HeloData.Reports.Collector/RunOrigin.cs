namespace HeloData.Reports.Collector;

/// <summary>Which door a run came in by.</summary>
public enum RunOrigin
{
    /// <summary>Seen in the <c>recent_runs</c> of a poll of <c>GET /reports</c>.</summary>
    Poll = 1,

    /// <summary>Pushed by the service to the webhook receiver (<c>HeloData.Reports.AspNetCore</c>).</summary>
    Webhook,

    /// <summary>An on-demand run the collector created to fill a gap or to retry a failed scheduled run.</summary>
    Backfill,

    /// <summary>Handed to <see cref="IReportsCollector.CollectRunAsync"/> by application code.</summary>
    Application,
}
