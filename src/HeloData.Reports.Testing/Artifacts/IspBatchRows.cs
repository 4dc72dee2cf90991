using static HeloData.Reports.Testing.Artifacts.ArtifactColumn;

namespace HeloData.Reports.Testing.Artifacts;

/// <summary>
/// <c>isp_batches</c>: every address of the account's ISP batches with its health, as last checked on
/// the window's final day. The type has no product column, so a product filter does not apply.
/// </summary>
internal sealed class IspBatchRows : IReportRows
{
    private static readonly (string Item, int Weight)[] Statuses = [("healthy", 16), ("degraded", 3), ("unreachable", 1)];

    public string ReportType => "isp_batches";

    public bool FiltersByProduct => false;

    public IReadOnlyList<ArtifactColumn> Columns { get; } =
    [
        Text("batch_id"), Text("ip"), Text("country"), Int64("asn"), Text("status"), Int32("health_score"),
        Timestamp("last_checked_at"),
    ];

    public IEnumerable<object[]> Rows(ArtifactContext context)
    {
        var random = context.Random;
        foreach (var batch in context.Account.IspBatches)
        {
            foreach (var host in batch.Hosts)
            {
                var status = random.PickWeighted(Statuses);
                var score = status switch
                {
                    "healthy" => random.Next(85, 101),
                    "degraded" => random.Next(45, 85),
                    _ => random.Next(0, 21),
                };

                var checkedAt = RandomExtensions.At(context.Request.To, random.Next(86_400));
                yield return [batch.Id, $"{batch.Prefix}.{host}", batch.Country, batch.Asn, status, score, checkedAt];
            }
        }
    }
}
