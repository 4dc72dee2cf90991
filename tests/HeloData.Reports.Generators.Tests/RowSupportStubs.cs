namespace HeloData.Reports.Generators.Tests;

/// <summary>
/// The members of HeloData.Reports.Rows that generated row code uses, reduced to their signatures, so a
/// test compilation holds the declaration under test and nothing else of the SDK. The real ones are
/// compiled against the real generated code by every build of HeloData.Reports.Rows.
/// </summary>
internal static class RowSupportStubs
{
    public const string Source = """
        namespace HeloData.Reports.Models
        {
            public readonly struct ReportProduct
            {
                public override string ToString() => "";
            }
        }

        namespace HeloData.Reports.Rows
        {
            using System;
            using System.Collections.Generic;
            using HeloData.Reports.Models;

            [AttributeUsage(AttributeTargets.Class)]
            internal sealed class ReportRowTypeAttribute(string reportType) : Attribute { public string ReportType { get; } = reportType; }

            [AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
            internal sealed class ReportColumnAttribute(string name, CellKind kind, string property, string summary) : Attribute
            {
                public string Name { get; } = name;
                public CellKind Kind { get; } = kind;
                public string Property { get; } = property;
                public string Summary { get; } = summary;
            }

            [AttributeUsage(AttributeTargets.Class)]
            internal sealed class ReportRowFactoryAttribute : Attribute;

            internal enum CellKind : byte { Text, Product, ProductList, Int32, Int64, Decimal, Date, Timestamp }

            internal sealed record KnownColumn(string Name, CellKind Kind, string Property);

            internal sealed class RowShape;

            internal sealed class RowKind(string rowType, KnownColumn[] columns, Func<RowShape, long, ReportRow> create)
            {
                public string RowType { get; } = rowType;
                public KnownColumn[] Columns { get; } = columns;
                public Func<RowShape, long, ReportRow> Create { get; } = create;
            }

            internal static class CellText
            {
                public static string Date(DateOnly value) => "";
                public static string Timestamp(DateTimeOffset value) => "";
                public static string Number<T>(T value) where T : IFormattable => "";
                public static string Products(IReadOnlyList<ReportProduct> value) => "";
            }

            internal sealed class RowBuilder<TRow>(long rowNumber, IReadOnlyDictionary<string, string>? additionalColumns)
                where TRow : ReportRow
            {
                public RowBuilder<TRow> Text(string value) => this;
                public RowBuilder<TRow> Product(ReportProduct value) => this;
                public RowBuilder<TRow> Products(IEnumerable<ReportProduct> value) => this;
                public RowBuilder<TRow> Int32(int value) => this;
                public RowBuilder<TRow> Int64(long value) => this;
                public RowBuilder<TRow> Decimal(decimal value) => this;
                public RowBuilder<TRow> Date(DateOnly value) => this;
                public RowBuilder<TRow> Timestamp(DateTimeOffset value) => this;
                public TRow Build() => throw new NotSupportedException();
            }

            public class ReportRow
            {
                internal static readonly RowKind PlainKind = new("ReportRow", [], static (shape, number) => new ReportRow(shape, number));

                internal ReportRow(RowShape shape, long rowNumber) { }

                public long RowNumber { get; }

                public IReadOnlyList<string> Columns => [];

                public IReadOnlyDictionary<string, string> AdditionalColumns => new Dictionary<string, string>();

                internal ulong Present { get; set; }

                internal bool Has(int column) => (Present & (1UL << column)) != 0;

                internal InvalidOperationException Missing(int column) => new();

                internal virtual void SetText(int column, string value) => throw new InvalidOperationException();
                internal virtual void SetProduct(int column, ReportProduct value) => throw new InvalidOperationException();
                internal virtual void SetProducts(int column, IReadOnlyList<ReportProduct> value) => throw new InvalidOperationException();
                internal virtual void SetInt32(int column, int value) => throw new InvalidOperationException();
                internal virtual void SetInt64(int column, long value) => throw new InvalidOperationException();
                internal virtual void SetDecimal(int column, decimal value) => throw new InvalidOperationException();
                internal virtual void SetDate(int column, DateOnly value) => throw new InvalidOperationException();
                internal virtual void SetTimestamp(int column, DateTimeOffset value) => throw new InvalidOperationException();
                internal virtual string GetText(int column) => throw new InvalidOperationException();
                internal virtual ReportProduct GetProduct(int column) => throw new InvalidOperationException();
                internal virtual IReadOnlyList<ReportProduct> GetProducts(int column) => throw new InvalidOperationException();
                internal virtual int GetInt32(int column) => throw new InvalidOperationException();
                internal virtual long GetInt64(int column) => throw new InvalidOperationException();
                internal virtual decimal GetDecimal(int column) => throw new InvalidOperationException();
                internal virtual DateOnly GetDate(int column) => throw new InvalidOperationException();
                internal virtual DateTimeOffset GetTimestamp(int column) => throw new InvalidOperationException();
                internal virtual string FormatKnown(int column) => throw new InvalidOperationException();
            }

            /// <summary>The factory.</summary>
            [ReportRowFactory]
            public static partial class RowsFactory;
        }
        """;
}
