using System.Text;
using Parquet.Schema;

namespace HeloData.Reports.Rows;

internal abstract partial class ParquetColumn
{
    /// <summary>
    /// Byte arrays without a <c>STRING</c> annotation: a <c>JSON</c> column (UTF-8 text), a <c>BLOB</c> or
    /// <c>BSON</c> one (its bytes in base64, as JSON carries binary), or a decimal stored as big-endian
    /// bytes (precision over 18). A documented text column stored as plain bytes (as older writers store
    /// strings) is read as UTF-8.
    /// </summary>
    private sealed class BytesColumn(DataField field, DataField read, ParquetTarget target, BytesColumn.Form form, int scale = 0)
        : RawColumn<byte>(field, read, target)
    {
        public enum Form
        {
            Binary,
            Utf8,
            Decimal,
        }

        protected override string Text(int index, CellWriter cells)
        {
            var bytes = Values[index].Span;
            return form switch
            {
                Form.Decimal => ParquetValues.DecimalText(ParquetValues.Unscaled(bytes), scale),
                Form.Utf8 => Utf8(bytes),
                _ => Convert.ToBase64String(bytes),
            };
        }

        protected override void SetKnown(ReportRow row, int known, int index, CellWriter cells)
        {
            if (form == Form.Decimal && Kind == CellKind.Decimal)
            {
                row.SetDecimal(known, ParquetValues.Decimal(ParquetValues.Unscaled(Values[index].Span), scale));
                return;
            }

            // A documented column: text, its kind parsed from it.
            cells.Write(row, known, form == Form.Decimal ? Text(index, cells) : Utf8(Values[index].Span));
        }

        private static string Utf8(ReadOnlySpan<byte> bytes)
        {
            try
            {
                return RowReading.StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                // Kept as base64 in an unknown column; an error naming the row in a documented one.
                throw new ParquetValueException("is not valid UTF-8 text", Convert.ToBase64String(bytes));
            }
        }
    }
}
