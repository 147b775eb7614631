namespace Paylink.Client.Tests;

[Collection(ServerCollection.Name)]
public sealed class AutoPagingTests(PaylinkServer server)
{
    [Fact]
    public async Task Auto_paging_over_250_links_yields_each_once_in_order_both_ways()
    {
        using var payment = server.CreatePaymentClient();
        var price = await Seed.PriceAsync(payment);
        var tag = Seed.Tag("paging");
        using var slots = new SemaphoreSlim(8);
        var created = await Task.WhenAll(Enumerable.Range(0, 250).Select(async i =>
        {
            await slots.WaitAsync();
            try
            {
                return (await payment.PaymentLinks.CreateAsync(Seed.Link(price.Id, $"{tag} {i}"))).Id;
            }
            finally
            {
                slots.Release();
            }
        }));

        var walked = new List<PaymentLink>();
        await foreach (var link in payment.PaymentLinks.ListAutoPagingAsync(new() { Q = tag, Active = true, PageSize = 30 }))
        {
            walked.Add(link);
        }

        Assert.Equal(250, walked.Count);
        Assert.Equal(created.Order(StringComparer.Ordinal), walked.Select(l => l.Id).Order(StringComparer.Ordinal));
        var newestFirst = walked.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id, StringComparer.Ordinal).Select(l => l.Id);
        Assert.Equal(newestFirst, walked.Select(l => l.Id));

        var backwards = await payment.PaymentLinks.ListAutoPagingAsync(new() { Q = tag, PageSize = 40, EndingBefore = walked[^1].Id })
            .Select(l => l.Id).ToListAsync();
        Assert.Equal(walked.Take(249).Select(l => l.Id).Reverse(), backwards);
    }
}
