using System.Diagnostics;
using System.Text;
using HeloData.Reports.Models;
using nietras.SeparatedValues;
namespace HeloData.Reports.Tests.Rows.Hostile;
public sealed class DebugTests
{
    [Test]
    public async Task Debug()
    {
        var csv = "date" + new string(',', 1_000_000) + "\r\n2026-05-01\r\n";
        var sw = Stopwatch.StartNew();
        using (var r = Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).FromText(csv))
        {
            r.MoveNext();
            TestContext.Out.WriteLine($"sep first row {r.Current.ColCount}: {sw.ElapsedMilliseconds} ms");
            var names = new string[r.Current.ColCount];
            for (var i = 0; i < names.Length; i++) names[i] = r.Current[i].Span.ToString();
            TestContext.Out.WriteLine($"names: {sw.ElapsedMilliseconds} ms");
            var n = 0;
            for (var i = 0; i < r.Current.ColCount; i++) n += r.Current[i].Span.IndexOf('"');
            TestContext.Out.WriteLine($"quotes: {sw.ElapsedMilliseconds} ms");
            try { _ = new DelimitedRow(ReportRow.PlainKind, r.Current, true); } catch (ReportRowFormatException) { }
            TestContext.Out.WriteLine($"ctor: {sw.ElapsedMilliseconds} ms");
            try { RowShape.Create(ReportRow.PlainKind, names); } catch (ReportRowFormatException) { }
            TestContext.Out.WriteLine($"shape: {sw.ElapsedMilliseconds} ms");
        }
        sw.Restart();
        try { await ReportRowsTests.ReadAllAsync<ReportRow>(Encoding.UTF8.GetBytes(csv), ReportFormat.Csv); } catch (Exception e) { TestContext.Out.WriteLine(e.GetType().Name + e.Message[..Math.Min(80, e.Message.Length)]); }
        TestContext.Out.WriteLine($"sdk plain: {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        try { await ReportRowsTests.ReadAllAsync<ReportRow>(Encoding.UTF8.GetBytes(csv), ReportFormat.Csv, seekable: true); } catch (Exception e) { TestContext.Out.WriteLine(e.GetType().Name); }
        TestContext.Out.WriteLine($"sdk plain seekable: {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        using (var r = await Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).FromAsync(new StreamReader(new NetworkLikeStream(Encoding.UTF8.GetBytes(csv)))))
        {
            await r.MoveNextAsync();
            TestContext.Out.WriteLine($"sep async network first row {r.Current.ColCount}: {sw.ElapsedMilliseconds} ms");
        }
        sw.Restart();
        try { await ReportRowsTests.ReadAllAsync<TrafficRow>(Encoding.UTF8.GetBytes(csv), ReportFormat.Csv); } catch (Exception e) { TestContext.Out.WriteLine(e.GetType().Name + e.Message[..Math.Min(80, e.Message.Length)]); }
        TestContext.Out.WriteLine($"sdk traffic: {sw.ElapsedMilliseconds} ms");
    }
}
