-module(misc_time).
-export([main/0]).

%% Clock and calendar BIFs: only facts that hold at any moment and in any
%% time zone are printed.
main() ->
    U = erlang:universaltime(),
    L = erlang:localtime(),
    erlang:display({valid_datetime(U), valid_datetime(L)}),
    erlang:display(valid_date(erlang:date())),
    erlang:display(valid_time(erlang:time())),
    {{Y, _, _}, _} = U,
    erlang:display(Y >= 2024),
    %% timestamp/0 and universaltime/0 tell the same time
    {Mega, Sec, Micro} = erlang:timestamp(),
    erlang:display([is_integer(X) andalso X >= 0 || X <- [Mega, Sec, Micro]]),
    erlang:display({Sec < 1000000, Micro < 1000000}),
    erlang:display(abs(posix(erlang:universaltime()) - (Mega * 1000000 + Sec)) =< 2),
    %% local time is universal time moved by whole quarter hours
    erlang:display(abs(secs(erlang:universaltime_to_localtime(U)) - secs(L)) =< 2),
    Shift = secs(erlang:universaltime_to_localtime(U)) - secs(U),
    erlang:display({Shift rem 900, abs(Shift) =< 14 * 3600}),
    Noons = [{{2021, 1, 15}, {12, 0, 0}}, {{2021, 7, 15}, {12, 0, 0}},
             {{1970, 1, 1}, {12, 0, 0}}, {{1902, 6, 1}, {12, 0, 0}},
             {{2040, 2, 29}, {12, 30, 59}}],
    erlang:display([erlang:localtime_to_universaltime(erlang:universaltime_to_localtime(D)) =:= D
                    || D <- Noons]),
    erlang:display([erlang:localtime_to_universaltime(D) =:=
                        erlang:localtime_to_universaltime(D, undefined) || D <- Noons]),
    erlang:display([valid_datetime(erlang:localtime_to_universaltime(D, Dst))
                    || D <- Noons, Dst <- [true, false]]),
    erlang:display([err(fun() -> erlang:universaltime_to_localtime(D) end)
                    || D <- [{{2021, 2, 29}, {0, 0, 0}}, {{1901, 1, 1}, {0, 0, 0}}, now]]),
    erlang:display(err(fun() -> erlang:localtime_to_universaltime(hd(Noons), maybe) end)),
    %% the time offset: fixed, and system time is monotonic time moved by it
    Offset = erlang:time_offset(),
    erlang:display({is_integer(Offset), Offset =:= erlang:time_offset()}),
    Sys = erlang:system_time(microsecond),
    Mono = erlang:monotonic_time(microsecond),
    erlang:display(abs(Sys - (Mono + erlang:time_offset(microsecond))) < 1000000),
    erlang:display([erlang:time_offset(U1) =:= erlang:convert_time_unit(Offset, native, U1)
                    || U1 <- [second, millisecond, microsecond, nanosecond, native, 7]]),
    erlang:display([err(fun() -> erlang:time_offset(B) end) || B <- [0, foo, 1.0]]),
    erlang:display([erlang:convert_time_unit(1, second, U2)
                    || U2 <- [native, perf_counter, millisecond, 3]]),
    erlang:display(erlang:convert_time_unit(-1, native, second)),
    erlang:display(err(fun() -> erlang:convert_time_unit(1, second, minute) end)),
    ok.

err(F) ->
    try F() catch C:R -> {C, R} end.

valid_date({Y, M, D}) ->
    is_integer(Y) andalso is_integer(M) andalso is_integer(D) andalso
        calendar:valid_date(Y, M, D);
valid_date(_) -> false.

valid_time({H, M, S}) ->
    is_integer(H) andalso H >= 0 andalso H < 24 andalso is_integer(M) andalso M >= 0 andalso
        M < 60 andalso is_integer(S) andalso S >= 0 andalso S < 60;
valid_time(_) -> false.

valid_datetime({D, T}) -> valid_date(D) andalso valid_time(T);
valid_datetime(_) -> false.

secs(DateTime) -> calendar:datetime_to_gregorian_seconds(DateTime).

posix(DateTime) -> secs(DateTime) - 62167219200.
