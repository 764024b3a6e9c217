-- Each trade with the 5-minute bar that contains it and the session VWAP at that bar.
-- executed_at is New York wall-clock ISO text, as the original design writes times.
SELECT t.id,
       t.symbol,
       t.executed_at,
       t.price,
       b.timestamp AS bar_start,
       b.open, b.high, b.low, b.close, b.volume,
       b.vwap      AS session_vwap,
       round(t.price - b.vwap, 4) AS vs_vwap
FROM trades t
JOIN market_data_bars b
  ON b.symbol = t.symbol
 AND b.timestamp = strftime('%Y-%m-%dT%H:%M:00', t.executed_at,
                            '-' || (CAST(strftime('%M', t.executed_at) AS INTEGER) % 5) || ' minutes')
ORDER BY t.id;
