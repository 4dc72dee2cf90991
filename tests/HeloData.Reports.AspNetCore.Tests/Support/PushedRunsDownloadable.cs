using System.Reflection;
using System.Runtime.ExceptionServices;
using HeloData.Reports.Models;

namespace HeloData.Reports.AspNetCore.Tests.Support;

/// <summary>
/// The sandbox's client, except that a completed run pushed to its webhook (which the sandbox offers no download
/// for; the contract says such a run "may have none") can be read by the poll as well, so both doors can take it.
/// Its content is a small csv: these tests are about which door takes a run, not about its rows.
/// </summary>
public class PushedRunsDownloadable : DispatchProxy
{
    private IReportsClient _inner = null!;

    public static IReportsClient Wrap(IReportsClient inner)
    {
        var proxy = Create<IReportsClient, PushedRunsDownloadable>();
        ((PushedRunsDownloadable)(object)proxy)._inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IReportsClient.OpenReadAsync) && args is [ReportRun { DownloadUrl: null } run, ..] && run.Status == RunStatus.Completed)
        {
            return Task.FromResult<Stream>(new MemoryStream(Deliveries.Csv()));
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(exception.InnerException);
            throw;
        }
    }
}
