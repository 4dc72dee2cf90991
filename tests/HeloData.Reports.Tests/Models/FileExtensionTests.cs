using HeloData.Reports.Models;

namespace HeloData.Reports.Tests.Models;

/// <summary>The file extension of each format, for naming a saved artifact.</summary>
public sealed class FileExtensionTests
{
    [TestCase("csv", ".csv")]
    [TestCase("tsv", ".tsv")]
    [TestCase("json", ".ndjson")]
    [TestCase("parquet", ".parquet")]
    [TestCase("PARQUET", ".parquet")]
    public void Each_known_format_has_its_extension(string wire, string extension)
    {
        Assert.That(new ReportFormat(wire).FileExtension, Is.EqualTo(extension));
    }

    [Test]
    public void Json_is_ndjson_on_disk()
    {
        Assert.That(ReportFormat.Json.FileExtension, Is.EqualTo(".ndjson"));
    }

    [TestCase("xlsx")]
    [TestCase("../../etc/passwd")]
    [TestCase("")]
    public void A_format_the_sdk_does_not_know_has_no_extension_and_its_wire_value_never_becomes_one(string wire)
    {
        Assert.That(new ReportFormat(wire).FileExtension, Is.Null);
    }

    [Test]
    public void The_default_format_has_no_extension()
    {
        Assert.That(default(ReportFormat).FileExtension, Is.Null);
    }
}
