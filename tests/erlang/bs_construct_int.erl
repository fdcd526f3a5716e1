-module(bs_construct_int).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    V = id(16#0123456789ABCDEF),
    [erlang:display({S, <<V:S>>}) || S <- [1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 24, 31, 32, 33, 48, 56, 63, 64, 65, 72, 100, 128]],
    [erlang:display({S, <<V:S/little>>}) || S <- [8, 12, 16, 24, 32, 40, 64, 72]],
    N = id(-2),
    [erlang:display({S, <<N:S/signed>>, <<N:S/little-signed>>}) || S <- [1, 2, 3, 8, 13, 16, 32, 60, 64, 65, 80]],
    erlang:display(<<(id(255)):8, (id(256)):8, (id(-1)):8, (id(1 bsl 70)):8>>),
    erlang:display(<<(id(1)):1, (id(0)):1, (id(1)):1, (id(1)):5>>),
    erlang:display(<<(id(1000)):16/big, (id(1000)):16/little, (id(1000)):16/native>> =:= <<3, 232, 232, 3, 1000:16/native>>),
    erlang:display(<<(id(1)):4/unit:8>>),
    erlang:display(<<(id(5)):3/unit:3>>),
    Big = id(16#FEDCBA9876543210FEDCBA9876543210FF),
    erlang:display(<<Big:136>>),
    erlang:display(<<Big:140>>),
    erlang:display(<<Big:136/little>>),
    erlang:display(<<Big:100>>),
    erlang:display(<<(-Big):144/signed>>),
    erlang:display(<<(-Big):144/signed-little>>),
    erlang:display(<<(id(-1)):200>>),
    erlang:display(<<(id(1 bsl 64)):64>>),
    erlang:display(<<(id(1 bsl 63)):64/signed>>),
    erlang:display(<<(id(16#7FFFFFFFFFFFFFFF)):63>>),
    erlang:display(try <<(id(a)):8>> catch error:R -> {error, R} end),
    erlang:display(try <<(id(1.5)):8>> catch error:R2 -> {error, R2} end),
    erlang:display(try <<(id(1)):(id(-1))>> catch error:R3 -> {error, R3} end),
    erlang:display(<<(id(1)):0>>),
    ok.
