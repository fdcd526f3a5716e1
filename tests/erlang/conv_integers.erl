-module(conv_integers).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    Ns = [0, 7, -7, 255, -256, 1 bsl 59, -(1 bsl 59) - 1, 1 bsl 64, 123456789],
    [erlang:display({N, integer_to_list(N), integer_to_list(N, 2), integer_to_list(N, 16),
                     integer_to_list(N, 36), integer_to_binary(N, 8)}) || N <- [id(X) || X <- Ns]],
    erlang:display(list_to_integer(id("0042"))),
    erlang:display(list_to_integer(id("-0"))),
    erlang:display(list_to_integer(id("+17"))),
    erlang:display(list_to_integer(id("ff"), 16)),
    erlang:display(list_to_integer(id("FF"), 16)),
    erlang:display(list_to_integer(id("-zz"), 36)),
    erlang:display(list_to_integer(id("777"), 8)),
    erlang:display(list_to_integer(id("10"), 2)),
    erlang:display(binary_to_integer(id(<<"-12345">>))),
    erlang:display(binary_to_integer(id(<<"7fffffffffffffff">>), 16)),
    erlang:display(t(fun() -> list_to_integer(id("12a")) end)),
    erlang:display(t(fun() -> list_to_integer(id("")) end)),
    erlang:display(t(fun() -> list_to_integer(id("-")) end)),
    erlang:display(t(fun() -> list_to_integer(id("2"), 2) end)),
    erlang:display(t(fun() -> list_to_integer(id("1"), 37) end)),
    erlang:display(t(fun() -> integer_to_list(id(10), 1) end)),
    erlang:display(t(fun() -> integer_to_list(id(1.0)) end)),
    erlang:display(t(fun() -> binary_to_integer(id(<<" 1">>)) end)),
    erlang:display(t(fun() -> list_to_integer(id("1.0")) end)),
    erlang:display([list_to_integer([C]) || C <- "0123456789"]),
    erlang:display([list_to_integer([C], 36) || C <- "azAZ"]),
    erlang:display(integer_to_list(id(-1 bsl 100), 3)),
    ok.
