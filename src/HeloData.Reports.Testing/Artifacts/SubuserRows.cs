using static HeloData.Reports.Testing.Artifacts.ArtifactColumn;

namespace HeloData.Reports.Testing.Artifacts;

/// <summary>
/// <c>subusers</c>: the account's sub-users as of the window's end. A product filter keeps the
/// sub-users allowed at least one of the products; their <c>products</c> cell still lists all of theirs.
/// </summary>
internal sealed class SubuserRows : IReportRows
{
    public string ReportType => "subusers";

    public bool FiltersByProduct => true;

    public IReadOnlyList<ArtifactColumn> Columns { get; } =
    [
        Text("subuser_id"), Text("name"), Text("status"), Timestamp("created_at"),
        Int64("bandwidth_limit_bytes"), Int64("bandwidth_used_bytes"), Text("products"),
    ];

    public IEnumerable<object[]> Rows(ArtifactContext context)
    {
        var random = context.Random;
        foreach (var subuser in context.Account.Subusers)
        {
            if (context.ProductsOf(subuser).Count == 0)
            {
                continue;
            }

            var limit = subuser.BandwidthLimitBytes;

            // A suspended sub-user is one that ran into its limit.
            var used = subuser.Status switch
            {
                "suspended" => limit,
                "disabled" => random.Jitter(limit, 0, 300),
                _ => random.Jitter(limit, 50, 950),
            };

            var created = RandomExtensions.At(context.Request.From.AddDays(-subuser.CreatedDaysBeforeWindow), subuser.CreatedSecondOfDay);
            yield return [subuser.Id, subuser.Name, subuser.Status, created, limit, used, string.Join(';', subuser.Products)];
        }
    }
}
