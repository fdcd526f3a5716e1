-module(conv_etf_roundtrip).
-export([main/0]).

-record(r, {a, b = [1, 2]}).

main() ->
    Terms = [0, -1, 255, 256, -(1 bsl 31), 1 bsl 31, 1 bsl 64, -(1 bsl 300), 1.5, -0.0, atom, 'ünicode',
             "", "string", [1, 2 | 3], [{nested, [lists, "and"]}, {tuples}], {}, list_to_tuple(lists:seq(1, 300)),
             <<>>, <<"binary">>, <<1:3>>, <<1, 2, 3:5>>, #{}, #{a => 1, "b" => [2], {c} => #{d => e}},
             maps:from_list([{I, I * I} || I <- lists:seq(1, 100)]), #r{a = x},
             lists:seq(1, 1000), fun lists:map/2, binary:copy(<<"x">>, 100),
             [atom_to_binary(list_to_atom("a" ++ integer_to_list(I))) || I <- lists:seq(1, 10)]],
    [begin
         B = term_to_binary(T),
         erlang:display({binary_to_term(B) =:= T, byte_size(B),
                         binary_to_term(term_to_binary(T, [compressed])) =:= T,
                         binary_to_term(term_to_binary(T, [{minor_version, 1}])) =:= T,
                         binary_to_term(term_to_binary(T, [deterministic])) =:= T})
     end || T <- Terms],
    {V, Used} = binary_to_term(<<(term_to_binary(hello))/binary, "trailing">>, [used]),
    erlang:display({V, Used}),
    erlang:display(try binary_to_term(<<131, 100, 0>>) catch error:R -> {error, R} end),
    erlang:display(try binary_to_term(<<1, 2, 3>>) catch error:R2 -> {error, R2} end),
    erlang:display(binary_to_term(<<131, 97, 42>>)),
    erlang:display(binary_to_term(<<131, 98, 255, 255, 255, 255>>)),
    erlang:display(binary_to_term(<<131, 107, 0, 3, 1, 2, 3>>)),
    erlang:display(binary_to_term(<<131, 104, 2, 100, 0, 2, 111, 107, 106>>)),
    erlang:display(binary_to_term(<<131, 70, 64, 9, 33, 251, 84, 68, 45, 24>>)),
    erlang:display(binary_to_term(<<131, 110, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1>>)),
    erlang:display(binary_to_term(<<131, 116, 0, 0, 0, 1, 119, 1, 107, 97, 1>>)),
    erlang:display(binary_to_term(<<131, 77, 0, 0, 0, 2, 3, 1, 2, 224>>)),
    erlang:display(erlang:external_size(lists:seq(1, 100))),
    erlang:display(byte_size(term_to_binary(lists:seq(1, 100)))),
    ok.
