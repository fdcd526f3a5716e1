-module(bs_comprehension).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    B = id(<<"Hello, Binary World">>),
    erlang:display(<< <<(C bxor 32)>> || <<C>> <= B, C >= $a, C =< $z >>),
    erlang:display(<< <<C>> || <<C>> <= B, C =/= $\s >>),
    erlang:display([C || <<C>> <= B, C < $a]),
    erlang:display(<< <<X:16>> || X <- lists:seq(1, 5) >>),
    erlang:display(<< <<X:4>> || X <- lists:seq(0, 15) >>),
    erlang:display([X || <<X:16>> <= id(<<1, 2, 3, 4, 5>>)]),
    erlang:display([{A, Bb} || <<A:4, Bb:4>> <= id(<<16#12, 16#34, 16#AB>>)]),
    erlang:display(<< <<B2/binary, B2/binary>> || <<B2:2/binary>> <= id(<<"abcdef">>) >>),
    erlang:display(<< <<(X * Y)>> || X <- [1, 2, 3], Y <- [10, 20] >>),
    erlang:display(<< <<X>> || <<X>> <= id(<<1, 2, 3>>), <<_>> <= id(<<0, 0>>) >>),
    erlang:display(hex(id(<<222, 173, 190, 239, 0, 15>>))),
    erlang:display(unhex(id(<<"deadbeef000f">>))),
    erlang:display(<< <<(byte_size(W)):8, W/binary>> || W <- binary:split(id(<<"a bb ccc">>), <<" ">>, [global]) >>),
    erlang:display(lists:sum([X || <<X:32/little>> <= id(<< <<N:32/little>> || N <- lists:seq(1, 1000) >>)])),
    erlang:display(<< <<X>> || {X, true} <- [{1, true}, {2, false}, {3, true}] >>),
    erlang:display(<< <<>> || _ <- [1, 2, 3] >>),
    ok.

hex(B) -> << <<(digit(N))>> || <<N:4>> <= B >>.
digit(N) when N < 10 -> $0 + N;
digit(N) -> $a + N - 10.

unhex(H) -> << <<(val(A)):4, (val(B)):4>> || <<A, B>> <= H >>.
val(C) when C >= $a -> C - $a + 10;
val(C) -> C - $0.
