namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Puts the HeloData Reports collector on PostgreSQL: its state, shared by every instance that collects the same
/// account (<c>UsePostgreSqlState</c>), and a table sink for the runs' rows (<c>LoadIntoPostgreSql</c>).
/// </summary>
public static partial class ReportsCollectorPostgreSqlExtensions
{
}
