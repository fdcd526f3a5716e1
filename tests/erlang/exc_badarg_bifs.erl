-module(exc_badarg_bifs).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    Cases = [fun() -> atom_to_list(id(1)) end,
             fun() -> list_to_atom(id(atom)) end,
             fun() -> integer_to_list(id(1.0)) end,
             fun() -> list_to_integer(id("x")) end,
             fun() -> binary_to_list(id(list)) end,
             fun() -> tuple_to_list(id([])) end,
             fun() -> element(id(0), {a}) end,
             fun() -> setelement(id(2), {a}, b) end,
             fun() -> hd(id([])) end,
             fun() -> tl(id(x)) end,
             fun() -> length(id([a | b])) end,
             fun() -> abs(id(x)) end,
             fun() -> float(id("1")) end,
             fun() -> byte_size(id({})) end,
             fun() -> bit_size(id([])) end,
             fun() -> binary_part(id(<<1, 2>>), 1, 5) end,
             fun() -> split_binary(id(<<1, 2>>), 3) end,
             fun() -> make_ref() =:= id(x) end,
             fun() -> erlang:phash2(x, id(0)) end,
             fun() -> lists:reverse(id(x), []) end,
             fun() -> lists:member(a, id(b)) end,
             fun() -> lists:keyfind(a, id(0), [{a}]) end,
             fun() -> maps:get(a, id(notmap)) end,
             fun() -> map_size(id([])) end,
             fun() -> atom_to_binary(id("s"), utf8) end,
             fun() -> binary_to_term(id(<<>>)) end,
             fun() -> term_to_binary(x, id([bad_option])) end,
             fun() -> erlang:make_tuple(id(a), x) end,
             fun() -> list_to_tuple(id(a)) end,
             fun() -> iolist_size(id([1 | 2])) end,
             fun() -> erlang:insert_element(id(9), {}, x) end,
             fun() -> binary:copy(id(<<"a">>), -1) end,
             fun() -> round(id(<<>>)) end,
             fun() -> is_function(fun() -> ok end, id(-1)) end,
             fun() -> apply(id(lists), id(reverse), id(notlist)) end,
             fun() -> erlang:put(a, b) =:= erlang:erase(a) end,
             fun() -> erlang:md5(id(x)) end,
             fun() -> list_to_binary(id([1, 2, 300])) end,
             fun() -> erlang:fun_info(id(x), arity) end],
    [erlang:display(t(F)) || F <- Cases],
    ok.
